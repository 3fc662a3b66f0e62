// Trunk post_build hook: put the sha256 of every inline <script> of the built index.html into
// its Content-Security-Policy, in place of the INLINE_SCRIPT_HASHES placeholder.
// Trunk runs it with TRUNK_STAGING_DIR set; it fails the build when the placeholder is missing.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const [, attrs, body] = m;
  if (/\bsrc\s*=/i.test(attrs) || body.length === 0) continue;
  hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}
const placeholder = 'INLINE_SCRIPT_HASHES';
if (!html.includes(placeholder)) {
  console.error(`csp.mjs: ${file} has no ${placeholder} placeholder in its CSP`);
  process.exit(1);
}
writeFileSync(file, html.replace(placeholder, hashes.join(' ')));
console.log(`csp.mjs: ${hashes.length} inline script hash(es) written to the CSP`);
