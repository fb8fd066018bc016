/**
 * The public API documents itself: every export of the `miniloop` module has a
 * doc comment (it becomes the editor's hover help and the Reference page), and
 * so does every public member of an exported class.
 */
import { describe, expect, it } from 'vitest';
import { readApiReference } from '../../src/lib/api-reference.ts';

describe('miniloop public API', () => {
  const api = readApiReference();

  it('exports the core, asyncio, trio and network names', () => {
    const names = new Set(api.map((e) => e.name));
    for (const name of ['run', 'sleep', 'now', 'createTask', 'Future', 'Task', 'gather', 'TaskGroup', 'Queue', 'openNursery', 'CancelScope', 'openMemoryChannel']) {
      expect(names, name).toContain(name);
    }
  });

  it('has a doc comment on every export', () => {
    expect(api.filter((e) => e.doc === '').map((e) => `${e.name} (${e.file})`)).toEqual([]);
  });

  it('has a doc comment on every public class member', () => {
    const missing = api.flatMap((e) => e.members.filter((m) => m.doc === '').map((m) => `${e.name}.${m.name} (${e.file})`));
    expect(missing).toEqual([]);
  });

  it('leaves out members marked @internal (the runtime\'s own), as the editor\'s declarations do', () => {
    const task = api.find((e) => e.name === 'Task')!;
    const names = task.members.map((m) => m.name);
    expect(names).toContain('cancel');
    for (const internal of ['start', 'succeed', 'fail', 'settleFrom', 'atCheckpoint', 'onDone']) expect(names).not.toContain(internal);
  });

  it('names the Python counterpart of the asyncio and trio layers', () => {
    const byName = new Map(api.map((e) => [e.name, e]));
    expect(byName.get('gather')!.python[0]).toBe('asyncio.gather');
    expect(byName.get('openNursery')!.python[0]).toBe('trio.open_nursery');
  });
}, 120_000);

describe('Reference page sections', () => {
  it('place every export in a section, so none is missing from the page', async () => {
    const { readApiReference, sectionOf } = await import('../../src/lib/api-reference.ts');
    expect(readApiReference().filter((e) => sectionOf(e) === undefined).map((e) => e.name)).toEqual([]);
  });
}, 120_000);
