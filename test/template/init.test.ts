// `tierbook init`: copies the committed template of the language, and never overwrites.
import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEMPLATE_FILES, initCommand, templateBytes, templateUrl } from '../../src/cli/init.ts';
import { UsageError } from '../../src/cli/usage.ts';
import { FileError } from '../../src/hosts/file/node-files.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'tierbook-init-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('initCommand', () => {
  it('finds the committed templates next to the sources', () => {
    expect(templateUrl('zh-CN').pathname.endsWith(`/assets/template/${encodeURIComponent(TEMPLATE_FILES['zh-CN'])}`)).toBe(true);
    for (const lang of ['zh-CN', 'en-US'] as const) expect(existsSync(templateUrl(lang))).toBe(true);
  });

  it.each(['zh-CN', 'en-US'] as const)('writes the %s template and says what to do next', async (lang) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const file = path.join(tempDir(), '客户 2025.xlsx');
    await initCommand(file, lang);
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(templateBytes(lang)))).toBe(true);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toContain(file);
    expect(String(log.mock.calls[0]![0])).toContain('tierbook grade');
  });

  it('refuses to overwrite an existing file, and leaves it as it was', async () => {
    const file = path.join(tempDir(), 'mine.xlsx');
    writeFileSync(file, 'precious');
    await expect(initCommand(file, 'zh-CN')).rejects.toThrow(FileError);
    await expect(initCommand(file, 'zh-CN')).rejects.toMatchObject({ text: { 'zh-CN': expect.stringMatching(/已存在/), 'en-US': expect.stringMatching(/already exists/) } });
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('refuses a name that is not .xlsx, and a folder that does not exist', async () => {
    const dir = tempDir();
    await expect(initCommand(path.join(dir, 'book.csv'), 'en-US')).rejects.toThrow(/\.xlsx/);
    await expect(initCommand(path.join(dir, 'book.csv'), 'en-US')).rejects.toBeInstanceOf(UsageError);
    await expect(initCommand(path.join(dir, 'no', 'such', 'book.xlsx'), 'en-US')).rejects.toMatchObject({ text: { 'zh-CN': expect.stringMatching(/文件夹不存在/), 'en-US': expect.stringMatching(/folder does not exist/) } });
    await expect(initCommand('', 'zh-CN')).rejects.toBeInstanceOf(UsageError);
    expect(existsSync(path.join(dir, 'book.csv'))).toBe(false);
  });
});
