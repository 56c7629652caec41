package ai.switchboard.providers.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.module.SimpleModule;

/**
 * Calls the creators of property-based types (every wire record: requests, responses, chunks and their parts) through
 * a method handle spread once, when the type's deserializer is built. Jackson 3 calls them with
 * {@code MethodHandle.invokeWithArguments}, which builds a new spreading adapter on every call: about a tenth of the
 * gateway's CPU on the JSON path went there (allocation profile of {@code bench/run.sh --profile}). Jackson's own
 * instantiator is kept for everything else, and for a creator it cannot reach.
 */
final class SpreadCreators extends ValueInstantiators.Base {

    static SimpleModule module() {
        return new SimpleModule("spread-creators") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addValueInstantiators(new SpreadCreators());
            }
        };
    }

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
            BeanDescription.Supplier beanDescRef, ValueInstantiator defaultInstantiator) {
        if (defaultInstantiator.getClass() != StdValueInstantiator.class
                || !defaultInstantiator.canCreateFromObjectWith()) {
            return defaultInstantiator;
        }
        MethodHandle creator = spread(defaultInstantiator.getWithArgsCreator());
        return creator == null ? defaultInstantiator
                : new Spreading((StdValueInstantiator) defaultInstantiator, creator);
    }

    /** {@code (Object[]) -> Object} for the creator, or {@code null} when it cannot be had. */
    static MethodHandle spread(AnnotatedWithParams creator) {
        try {
            MethodHandle direct;
            if (creator instanceof AnnotatedConstructor constructor) {
                Constructor<?> raw = constructor.getAnnotated();
                if (!Modifier.isPublic(raw.getModifiers()) && !raw.canAccess(null) && !raw.trySetAccessible()) {
                    return null;
                }
                direct = MethodHandles.lookup().unreflectConstructor(raw);
            } else if (creator instanceof AnnotatedMethod method && method.isStatic()) {
                Method raw = method.getAnnotated();
                if (!raw.canAccess(null) && !raw.trySetAccessible()) {
                    return null;
                }
                direct = MethodHandles.lookup().unreflect(raw);
            } else {
                return null;
            }
            int arity = direct.type().parameterCount();
            return direct.asSpreader(Object[].class, arity)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException unreachable) {
            return null;
        }
    }

    private static final class Spreading extends StdValueInstantiator {

        private final MethodHandle creator;

        Spreading(StdValueInstantiator source, MethodHandle creator) {
            super(source);
            this.creator = creator;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws JacksonException {
            try {
                return (Object) creator.invokeExact(args);
            } catch (Exception e) {
                // As Jackson's own instantiator reports a creator's failure (a record refusing a value).
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e));
            } catch (Error e) {
                throw e;
            } catch (Throwable impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
