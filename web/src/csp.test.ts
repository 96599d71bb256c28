// The Content-Security-Policy (script-src 'self'; style-src 'self') refuses inline scripts and
// style attributes: make sure none creeps in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|js)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the content security policy', () => {
  it('finds no style attribute or style prop in the code', () => {
    const offending = sources(join(root, 'src')).filter((file) => /\bstyle\s*=\s*[{"']/.test(readFileSync(file, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('finds no inline script or style in index.html', () => {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];
    expect(inlineScripts).toEqual([]);
    expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/);
  });

  it('loads nothing from another origin', () => {
    const files = [join(root, 'index.html'), join(root, 'src', 'styles.css')];
    expect(files.filter((file) => /https?:\/\//.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
