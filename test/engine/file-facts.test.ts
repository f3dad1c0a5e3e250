// The flow's file facts: what the index's walk notes of each node as it lists it (flow/file-facts.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { buildIndex } from '../../server/src/engine/extract/ts/file-index.js';
import { collectFacts, emptyPieceFacts, noteFact } from '../../server/src/engine/flow/file-facts.js';

/** Member chains, optional chains, element reads, decorators, nested calls and callbacks: accesses inside accesses. */
const CODE = `
@Injectable()
export class GenerationService {
  @Inject(config.leonardo.apiKey) private readonly key!: string;
  async poll(id: string) {
    const res = await this.http.get(\`\${this.base}/generations/\${id}\`, { headers: this.headers[id] });
    const images = res.data?.generations_by_pk?.generated_images ?? [];
    return images.map((image) => image.url).filter((url) => url.length > 0)[0]?.trim();
  }
}
const first = window.localStorage.getItem(keys[settings.current.index].name)!.split(',')[0];
`;

function accessesOf(code: string) {
  const sourceFile = ts.createSourceFile('service.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return collectFacts(buildIndex(sourceFile)).accesses;
}

describe('file facts', () => {
  it('lists member accesses in document order, outer before inner at one start', () => {
    const accesses = accessesOf(CODE);
    assert.ok(accesses.length > 20);
    for (let i = 1; i < accesses.length; i++) assert.ok(accesses[i - 1].pos <= accesses[i].pos, `access ${i} after ${i - 1}`);
    // `res.data?.generations_by_pk?.generated_images`: the whole chain first, as the walk meets it.
    const chain = accesses.filter((a) => a.getText().startsWith('res.data')).map((a) => a.getText());
    assert.deepEqual(chain, ['res.data?.generations_by_pk?.generated_images', 'res.data?.generations_by_pk', 'res.data']);
  });

  it('notes whether the accesses came in order, and the file list is sorted when a piece says they did not', () => {
    const sourceFile = ts.createSourceFile('service.ts', CODE, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const index = buildIndex(sourceFile);
    const walked = collectFacts(index).accesses;
    const facts = emptyPieceFacts();
    for (const access of [...walked].reverse()) noteFact(access, facts);
    assert.equal(facts.accessesInOrder, false);
    // The walk's own piece facts, replaced by the same accesses noted out of order.
    const piece = index.pieces[0];
    piece.derived = facts;
    const sorted = collectFacts(index).accesses;
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].pos <= sorted[i].pos, `access ${i} after ${i - 1}`);
    assert.deepEqual(new Set(sorted), new Set(walked));
    // A piece that says its list is in order is taken at its word: the list is not sorted again.
    const trusted = emptyPieceFacts();
    for (const access of [...walked].reverse()) noteFact(access, trusted);
    trusted.accessesInOrder = true;
    piece.derived = trusted;
    assert.deepEqual(collectFacts(index).accesses, [...walked].reverse());
  });
});
