import { createRequire } from 'module'; const require = createRequire(import.meta.url); const __dirname='/work/main/test/e2e';

// ../../tmp/ab/ab.ts
import { spawn } from "node:child_process";
import fs2 from "node:fs";
import os from "node:os";
import path2 from "node:path";

// test/e2e/harness.ts
import path from "node:path";
import { chromium } from "playwright-core";

// test/helpers/key.ts
import fs from "node:fs";

// electron/backend/db/key.ts
var keyFileText = (key) => `${key.toString("hex")}
`;

// test/helpers/key.ts
var TEST_KEY_BYTES = Buffer.from("5ec2e7f00d5ec2e7f00d5ec2e7f00d5ec2e7f00d5ec2e7f00d5ec2e7f00d5ec2", "hex");
function testKeyFile(dataDir) {
  const file = `${dataDir.replace(/[\\/]+$/, "")}.key`;
  if (!fs.existsSync(file)) fs.writeFileSync(file, keyFileText(TEST_KEY_BYTES), { mode: 384 });
  return file;
}

// test/e2e/harness.ts
var ROOT = process.env.TFS_ROOT ?? path.resolve(__dirname, "../..");
var CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
async function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage"
    ]
  });
}

// ../../tmp/ab/ab.ts
async function host(root) {
  const dataDir = fs2.mkdtempSync(path2.join(os.tmpdir(), "ab-"));
  const proc = spawn(process.execPath, [path2.join(root, "dist/electron/start.cjs"), "--browser", "--port", "0", "--data-dir", dataDir, "--key-file", testKeyFile(dataDir)], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  proc.stdout.on("data", (d) => out += d);
  const url = await new Promise((res) => {
    const t = setInterval(() => {
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#\S+)/.exec(out);
      if (m) {
        clearInterval(t);
        res(m[1]);
      }
    }, 20);
  });
  const origin = new URL(url).origin;
  const token = /token=([^&]+)/.exec(url)[1];
  await fetch(`${origin}/api/example.load`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: "{}" });
  return { url, proc };
}
var [A, B, Ns] = process.argv.slice(2);
var N = Number(Ns ?? 20);
var ha = await host(A);
var hb = await host(B);
var browser = await launchChromium();
async function load(url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const p = await ctx.newPage();
  const t0 = performance.now();
  await p.goto(url);
  await p.getByRole("link", { name: /Constitutive meeting/ }).first().waitFor();
  const shown = performance.now() - t0;
  await p.getByRole("button", { name: "New meeting" }).click();
  await p.getByRole("form", { name: "Create meeting" }).waitFor();
  const t = performance.now() - t0;
  await ctx.close();
  return [t, shown];
}
var a = [];
var b = [];
for (let i = 0; i < 2; i++) {
  await load(ha.url);
  await load(hb.url);
}
for (let i = 0; i < N; i++) {
  if (i % 2) {
    a.push(await load(ha.url));
    b.push(await load(hb.url));
  } else {
    b.push(await load(hb.url));
    a.push(await load(ha.url));
  }
}
var med = (x) => {
  const s = [...x].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
};
var ratios = a.map((x, i) => b[i][0] / x[0]);
console.log(`A total ${med(a.map((x) => x[0])).toFixed(0)} shown ${med(a.map((x) => x[1])).toFixed(0)} | B total ${med(b.map((x) => x[0])).toFixed(0)} shown ${med(b.map((x) => x[1])).toFixed(0)} | B/A paired median ${med(ratios).toFixed(3)} medians ${(med(b.map((x) => x[0])) / med(a.map((x) => x[0]))).toFixed(3)}`);
await browser.close();
ha.proc.kill();
hb.proc.kill();
