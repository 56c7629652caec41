// The official TypeScript SDK client against the gateway's /mcp: connects with a Switchboard key, lists the tools
// and calls one, then prints one JSON line the Java test reads. Run with NODE_PATH pointing at the node_modules of
// tools/src/test/mcp (the pinned @modelcontextprotocol/sdk).
// Usage: node ts-sdk-client.cjs <url> <key> <tool> <json-arguments>
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

async function main() {
  const [url, key, tool, args] = process.argv.slice(2);
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  });
  const client = new Client({ name: 'switchboard-ts-test', version: '1.0.0' });
  await client.connect(transport);
  const listed = await client.listTools();
  const out = { protocolVersion: transport.protocolVersion, tools: listed.tools.map((t) => t.name) };
  try {
    out.result = await client.callTool({ name: tool, arguments: JSON.parse(args) });
  } catch (e) {
    out.error = { code: e.code, message: e.message };
  }
  await client.close();
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
