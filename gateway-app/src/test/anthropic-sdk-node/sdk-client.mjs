// The official Anthropic TypeScript SDK used as an application uses it, pointed at the gateway. AnthropicNodeSdkIT
// runs `node sdk-client.mjs <operation>` with SWITCHBOARD_BASE_URL, SWITCHBOARD_KEY and SWITCHBOARD_MODEL set, and
// reads the one JSON line it prints: what the SDK returned, or which of its typed errors it raised.
import Anthropic, {
  APIError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk';

const client = new Anthropic({
  baseURL: process.env.SWITCHBOARD_BASE_URL,
  apiKey: process.env.SWITCHBOARD_KEY,
  maxRetries: 0,
  timeout: 20_000,
});
const model = process.env.SWITCHBOARD_MODEL;

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const text = (message) => message.content.filter((block) => block.type === 'text').map((block) => block.text).join('');

/** The typed error the SDK raised, by the class a caller would catch. */
function typed(error) {
  const classes = { AuthenticationError, BadRequestError, NotFoundError, PermissionDeniedError, RateLimitError };
  const name = Object.keys(classes).find((candidate) => error instanceof classes[candidate])
    ?? (error instanceof APIError ? 'APIError' : error.constructor.name);
  return { class: name, status: error.status, type: error.error?.error?.type, message: error.message };
}

async function caught(call) {
  try {
    await call();
    return { class: 'none' };
  } catch (error) {
    return typed(error);
  }
}

const operations = {
  async create() {
    const message = await client.messages.create({
      model, max_tokens: 1024, messages: [{ role: 'user', content: 'Hi' }],
    });
    return { text: text(message), stop_reason: message.stop_reason, usage: message.usage };
  },

  async stream() {
    const stream = client.messages.stream({ model, max_tokens: 1024, messages: [{ role: 'user', content: 'Hi' }] });
    const events = [];
    const deltas = [];
    stream.on('streamEvent', (event) => events.push(event.type));
    stream.on('text', (delta) => deltas.push(delta));
    const message = await stream.finalMessage();
    return { events, deltas, text: text(message), stop_reason: message.stop_reason, usage: message.usage };
  },

  async tools() {
    const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
    const first = await client.messages.create({ model, max_tokens: 1024, messages, tools: [weatherTool] });
    const call = first.content.find((block) => block.type === 'tool_use');
    messages.push({ role: 'assistant', content: first.content });
    messages.push({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: call.id, content: '{"temperature_c":21}' }],
    });
    const second = await client.messages.create({ model, max_tokens: 1024, messages, tools: [weatherTool] });
    return {
      first: { stop_reason: first.stop_reason, tool_use: { id: call.id, name: call.name, input: call.input } },
      second: { stop_reason: second.stop_reason, text: text(second) },
    };
  },

  async count_tokens() {
    const count = await client.messages.countTokens({
      model, system: 'Be brief.', messages: [{ role: 'user', content: 'What is the weather in Paris today?' }],
    });
    return { input_tokens: count.input_tokens };
  },

  async errors() {
    const stranger = new Anthropic({
      baseURL: process.env.SWITCHBOARD_BASE_URL, apiKey: 'sk-sb-not-a-key-0000000000', maxRetries: 0,
    });
    const hi = { model, max_tokens: 16, messages: [{ role: 'user', content: 'Hi' }] };
    return {
      unauthenticated: await caught(() => stranger.messages.create(hi)),
      unknown_model: await caught(() => client.messages.create({ ...hi, model: `${model}-nope` })),
      bad_request: await caught(() => client.messages.create({ ...hi, temperature: 3.5 })),
    };
  },
};

const operation = operations[process.argv[2]];
if (!operation) {
  console.error(`usage: node sdk-client.mjs <${Object.keys(operations).join('|')}>`);
  process.exit(2);
}
try {
  console.log(JSON.stringify(await operation()));
} catch (error) {
  // An unexpected failure is still one JSON line, so the test can say what the SDK saw.
  console.log(JSON.stringify({ failed: error instanceof APIError ? typed(error) : String(error.stack ?? error) }));
  process.exit(1);
}
