/**
 * HTML validity with the Nu Html Checker (vnu-jar, the W3C validator's engine), run locally on
 * Java. Only errors count; warnings are advice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const VNU_JAR = join(projectRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message?: string;
  extract?: string;
}

/** Validates every .html file under dir; returns one line per error. */
export function validateHtml(dir: string): string[] {
  if (!existsSync(VNU_JAR)) throw new Error(`${VNU_JAR} is missing: run npm ci (vnu-jar is a devDependency)`);
  const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--skip-non-html', dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(
      `Could not run java (needed by vnu-jar; install a JRE 11+, e.g. apt-get install default-jre-headless): ${run.error.message}`,
    );
  const output = run.stderr.trim() || run.stdout.trim();
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(output) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`vnu exited with ${run.status} and no JSON report:\n${output.slice(0, 2000)}`);
  }
  return messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => {
      const file = message.url ? relative(dir, fileURLToPath(message.url)) : '?';
      const where = message.lastLine ? `${file}:${message.lastLine}:${message.lastColumn ?? 0}` : file;
      const extract = message.extract
        ? ` — near ${JSON.stringify(message.extract.replace(/\s+/g, ' ').slice(0, 120))}`
        : '';
      return `${where}: ${message.message ?? message.type}${extract}`;
    });
}
