// Parse GIFT from stdin with gift-pegjs (the test oracle, not our code) and print the parsed
// questions as JSON on stdout. On a syntax error: the message and its line:column on stderr, exit 1.
// Runs offline from the repository's node_modules (`npm ci` installs gift-pegjs from package.json).
import { readFileSync } from "node:fs";
import { parse } from "gift-pegjs";

const text = readFileSync(0, "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)) + "\n");
} catch (error) {
  const where = error.location ? `${error.location.start.line}:${error.location.start.column}: ` : "";
  process.stderr.write(`gift-pegjs: ${where}${error.message}\n`);
  process.exit(1);
}
