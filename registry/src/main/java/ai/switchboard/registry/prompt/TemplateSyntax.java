package ai.switchboard.registry.prompt;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one Mustache dialect of prompt templates. Logic-less and closed: variables are looked up in maps and lists only
 * (never by reflection on Java objects, so a template cannot call a method), HTML escaping is off (the output is
 * prompt text, not a page), a missing variable is an error rather than an empty string, and partials, parents and
 * blocks are refused (a template loads nothing).
 */
final class TemplateSyntax {

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .withCollector(new BasicCollector() {
                @Override
                public <K, V> Map<K, V> createFetcherCache() {
                    return new ConcurrentHashMap<>();
                }
            })
            .withLoader(name -> {
                throw new MustacheException("partials are not supported");
            });

    private TemplateSyntax() {
    }

    /** The compiled template, or the problems that refuse it (each naming the line, and the column where known). */
    static Template compile(String source, List<String> problems) {
        Template template;
        try {
            template = COMPILER.compile(source);
        } catch (MustacheException e) {
            problems.add(e.getMessage());
            return null;
        }
        List<String> own = new ArrayList<>();
        template.visit(new Mustache.Visitor() {
            private int offset;

            @Override
            public void visitText(String text) {
                // JMustache keeps an unclosed "{{" as text; in a prompt it is almost always a typo.
                int at = source.indexOf(text, offset);
                int open = text.indexOf("{{");
                if (open >= 0) {
                    own.add("unclosed tag '{{' @ " + position(source, at < 0 ? -1 : at + open));
                }
                offset = at < 0 ? offset : at + text.length();
            }

            @Override
            public void visitVariable(String name) {
            }

            @Override
            public boolean visitInclude(String name) {
                own.add("partial '{{> " + name + "}}' is not supported: a template includes nothing");
                return false;
            }

            @Override
            public boolean visitParent(String name) {
                own.add("parent '{{< " + name + "}}' is not supported: a template includes nothing");
                return false;
            }

            @Override
            public boolean visitBlock(String name) {
                own.add("block '{{$" + name + "}}' is not supported");
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return true;
            }
        });
        problems.addAll(own);
        return own.isEmpty() ? template : null;
    }

    private static String position(String source, int index) {
        if (index < 0) {
            return "an unknown position";
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (index - lineStart + 1);
    }
}
