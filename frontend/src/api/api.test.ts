import {describe, expect, it} from 'vitest';
import {ApiError, toApiError} from './index';

// What the Wails 2.16 runtime hands a rejected call: new Error(<the Go
// ErrorFormatter's return value>). The formatter returns JSON text.
const dto = {code: 'invalid', message: 'Revise los campos marcados.', issues: [
  {field: 'email', key: 'email.invalid', params: {value: 'ana@'}, message: '«ana@» no es un correo válido.', full: 'Correo: «ana@» no es un correo válido.'},
]};

describe('toApiError', () => {
  it('reads the field messages back from the Error the runtime rejects with', () => {
    const e = toApiError(new Error(JSON.stringify(dto)));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('invalid');
    expect(e.message).toBe('Revise los campos marcados.');
    expect(e.field('email')).toBe('«ana@» no es un correo válido.');
    expect(e.message).not.toContain('[object Object]');
  });

  it('takes a job event\'s plain object as it comes', () => {
    expect(toApiError({code: 'conflict', message: 'ya existe'}).message).toBe('ya existe');
  });

  it('keeps a plain sentence that is not JSON as an internal error with that sentence', () => {
    const e = toApiError(new Error('Call to Clients.List timed out'));
    expect(e.code).toBe('internal');
    expect(e.message).toBe('Call to Clients.List timed out');
  });

  it('never shows an object as "[object Object]"', () => {
    // What the bug looked like: the runtime stringified the formatter's object.
    const e = toApiError(new Error(String({code: 'invalid'})));
    expect(e.message).toBe('[object Object]'); // nothing can be recovered from that text…
    expect(toApiError(new Error(JSON.stringify(dto))).message).not.toBe('[object Object]'); // …which is why Go sends JSON
  });
});
