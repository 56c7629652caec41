#!/usr/bin/env node
// A small MCP server over stdio, on the official TypeScript SDK, for what server-everything cannot do on demand:
// change its tool list while a client is connected (so the client's handling of notifications/tools/list_changed
// is tested deterministically) and offer tool names that Switchboard must rename to fit its [a-zA-Z0-9_-]{1,64} rule.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const server = new McpServer(
  { name: "switchboard-fixture", version: "1.0.0" },
  { capabilities: { tools: { listChanged: true } } },
);

const text = (value) => ({ content: [{ type: "text", text: value }] });

server.registerTool("dotted.name", { description: "A name with a dot" }, async () => text("called dotted.name"));

const longName = "a-tool-name-that-is-much-longer-than-most-because-some-servers-describe-everything-in-it";
server.registerTool(longName, { description: "A name too long once prefixed" }, async () => text("called the long one"));

// Registering a tool on a connected McpServer makes the SDK send notifications/tools/list_changed.
server.registerTool(
  "add-tool",
  { description: "Adds a tool named `name` that answers with its own name", inputSchema: { name: z.string() } },
  async ({ name }) => {
    server.registerTool(name, { description: "Added at run time" }, async () => text(`called ${name}`));
    return text(`added ${name}`);
  },
);

await server.connect(new StdioServerTransport());
