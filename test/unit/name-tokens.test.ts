// Column names reduced to their meaningful words (one key for every way of writing the same name),
// normalised for comparison, and how far apart two names are.
import { describe, expect, it } from 'vitest';
import { editDistance, nameKey, normaliseName, nameWords, wordOverlap } from '../../src/standards/name-tokens.js';

describe('nameWords', () => {
  it.each([
    ['Invoice Nett Amount (£)', ['invoice', 'net', 'amount']],
    ['amount_net_invoice', ['amount', 'net', 'invoice']],
    ['Invoice Net Amt', ['invoice', 'net', 'amount']],
    ['BeneficiaryName', ['beneficiary', 'name']],
    ['PaymentDate', ['payment', 'date']],
    ['CPVCode', ['cpv', 'code']],
    ['Amount (inc VAT)', ['amount']],
    ['Amount excl. VAT', ['amount']],
    ['Net of VAT', []],
    ['Dept No', ['department', 'number']],
    ['Name of the Supplier', ['name', 'supplier']],
    ['GBP Amount', ['amount']],
    ['Trans Dt', ['transaction', 'date']],
    ['Organization Ref', ['organisation', 'reference']],
    ['ＡＭＯＵＮＴ', ['amount']],
    ['', []],
    ['(£)', []],
  ])('%s is %j', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('nameKey', () => {
  it.each([
    ['Invoice Nett Amount (£)', 'amount invoice net'],
    ['amount_net_invoice', 'amount invoice net'],
    ['Invoice Net Amt', 'amount invoice net'],
    ['Supplier Name Supplier', 'name supplier'],
    ['Net of VAT', ''],
  ])('%s keys as %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe('wordOverlap', () => {
  it.each([
    // Every word shared.
    ['Invoice Nett Amount', 'amount_net_invoice', 1],
    ['Supplier Name', 'Name of Supplier', 1],
    // One strong word that is the whole of the known name.
    ['Supplier Name', 'Supplier', 2 / 3],
    // Two of three, one of them strong.
    ['Expense Type Description', 'Expense Type', 4 / 5],
    // One word, not the whole of the known name.
    ['Account', 'Account Description', 0],
    // Only weak words in common.
    ['Payment Date', 'Date', 0],
    ['Supplier Name', 'Customer Name', 0],
    // A row glued into one cell: many words, few shared.
    ['Supplier Name (Full)', 'Supplier', 0],
    // Nothing meaningful on one side.
    ['', 'Supplier', 0],
    ['Supplier', '(£)', 0],
  ])('%s against %s scores %d', (a, b, score) => {
    expect(wordOverlap(a, b)).toBeCloseTo(score, 10);
  });
});

describe('normaliseName', () => {
  it.each([
    ['Paid Date', 'paiddate'],
    ['paid_date', 'paiddate'],
    ['Paid-Date ', 'paiddate'],
    ['Amount (£)', 'amount'],
    ['Ｐａｉｄ', 'paid'],
    ['Post\u00a0Code', 'postcode'],
    ['Café', 'café'],
    ['', ''],
  ])('%j → %j', (name, normal) => {
    expect(normaliseName(name)).toBe(normal);
  });
});

describe('editDistance: insertions, deletions, substitutions and swaps of neighbours', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['amount', 'amuont', 1],
    ['flaw', 'lawn', 2],
    // A substring is not edited twice: "ca" to "abc" takes three steps, not two.
    ['ca', 'abc', 3],
    ['suplier', 'supplier', 1],
  ])('%j to %j: %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
