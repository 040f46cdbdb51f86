import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFixture } from './helpers.ts';

const root = join(import.meta.dirname, 'fixtures/mess');

describe('input/expected fixture pairs, one per kind of mess', () => {
  test.each(readdirSync(root).sort())('%s', (name) => {
    const { actual, expected } = checkFixture(join(root, name));
    expect(actual).toBe(expected);
  });
});
