import { it } from 'node:test';
import assert from 'node:assert/strict';
import { isCrossover, parentAllowed, parseRelationship } from './wrangling-rules.ts';

it('parses AO3 relationship names into their characters', () => {
  assert.deepEqual(parseRelationship('Draco Malfoy/Harry Potter'), { kind: 'romantic', characters: ['Draco Malfoy', 'Harry Potter'] });
  assert.deepEqual(parseRelationship('Sherlock Holmes & John Watson'), { kind: 'platonic', characters: ['Sherlock Holmes', 'John Watson'] });
  assert.deepEqual(parseRelationship('A / B / C'), { kind: 'romantic', characters: ['A', 'B', 'C'] });
  assert.equal(parseRelationship('Q&A'), null);
  assert.equal(parseRelationship('Just One Name'), null);
  assert.equal(parseRelationship('Trailing/'), null);
});

it('allows only AO3-shaped parent links', () => {
  assert.equal(parentAllowed('media', 'fandom'), true);
  assert.equal(parentAllowed('fandom', 'character'), true);
  assert.equal(parentAllowed('character', 'relationship'), true);
  assert.equal(parentAllowed('character', 'fandom'), false);
  assert.equal(parentAllowed('fandom', 'rating'), false);
});

it('calls a work a crossover only when two fandoms share no meta ancestor', () => {
  // 1 and 2 are sub tags of 10; 3 stands alone.
  const ancestors = new Map([
    [1, new Set([1, 10])],
    [2, new Set([2, 10])],
    [3, new Set([3])],
    [10, new Set([10])],
  ]);
  assert.equal(isCrossover([1], ancestors), false);
  assert.equal(isCrossover([1, 2], ancestors), false);
  assert.equal(isCrossover([1, 10], ancestors), false);
  assert.equal(isCrossover([1, 3], ancestors), true);
  assert.equal(isCrossover([1, 2, 3], ancestors), true);
});
