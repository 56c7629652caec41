// The official TypeScript SDK client against the gateway's /mcp: connects with a Switchboard key, then runs the
// steps the Java test gives it in one client session, printing one JSON line per step. Run with NODE_PATH pointing at
// the node_modules of tools/src/test/mcp (the pinned @modelcontextprotocol/sdk).
// Usage: node ts-sdk-client.cjs <url> <key> <steps-json>
// Steps: {"op":"list"}, {"op":"call","tool":..,"arguments":{..}}, {"op":"start",..} (a call left in flight),
// {"op":"finish"} (waits for the call in flight), {"op":"pause","label":..} (prints its line, then waits for a line
// on stdin: the Java test acts on the gateway meanwhile, in the middle of this session).
const readline = require('node:readline');
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

// A hang guard: the Java test also kills the process, but a lost test must never leave node running.
const HARD_LIMIT_MS = Number(process.env.TS_CLIENT_TIMEOUT_MS || 90000);
setTimeout(() => {
  process.stderr.write(`ts-sdk-client: gave up after ${HARD_LIMIT_MS} ms\n`);
  process.exit(3);
}, HARD_LIMIT_MS).unref();

const stdinLines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function call(client, step) {
  try {
    return { result: await client.callTool({ name: step.tool, arguments: step.arguments || {} }) };
  } catch (e) {
    return { error: { code: e.code, message: e.message } };
  }
}

async function main() {
  const [url, key, steps] = process.argv.slice(2);
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  });
  const client = new Client({ name: 'switchboard-ts-test', version: '1.0.0' });
  await client.connect(transport);
  print({ op: 'connect', protocolVersion: transport.protocolVersion });
  let inFlight = null;
  for (const step of JSON.parse(steps)) {
    switch (step.op) {
      case 'list':
        print({ op: 'list', tools: (await client.listTools()).tools.map((t) => t.name) });
        break;
      case 'call':
        print({ op: 'call', ...(await call(client, step)) });
        break;
      case 'start':
        inFlight = call(client, step);
        print({ op: 'start' });
        break;
      case 'finish':
        print({ op: 'finish', ...(await inFlight) });
        break;
      case 'pause': {
        print({ op: 'pause', label: step.label });
        const next = await stdinLines.next();
        if (next.done) throw new Error('stdin closed during pause ' + step.label);
        break;
      }
      default:
        throw new Error('unknown step ' + JSON.stringify(step));
    }
  }
  await client.close();
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
