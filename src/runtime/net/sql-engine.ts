/**
 * A very small SQL engine over in-memory tables, for the simulated database.
 * It is honest about what it is: a handful of statements, enough for the
 * article's aiomysql example and the guide's pool demos, and a plain error
 * (QueryError) for anything else.
 *
 * Supported:
 *   SELECT * | col [AS name], ... | COUNT(*) FROM t [WHERE cond] [ORDER BY col [ASC|DESC], ...] [LIMIT n] [OFFSET n]
 *   SELECT pg_sleep(seconds) | SELECT sleep(seconds)   (a query that just takes time)
 *   SELECT <literal or parameter>                        (e.g. SELECT 1)
 *   INSERT INTO t (col, ...) VALUES (v, ...)[, (...)] [RETURNING * | col, ...]
 *   UPDATE t SET col = v, ... [WHERE cond]
 *   DELETE FROM t [WHERE cond]
 *   CREATE TABLE t (col type ..., ...)
 * cond: comparisons (= != <> < <= > >= LIKE, IS [NOT] NULL) joined by AND / OR, with parentheses.
 * Values: numbers, 'strings', NULL, TRUE, FALSE, and parameters: $1 $2 (asyncpg),
 * ? or %s (aiomysql), taken from `params` in order.
 * A table gets an integer `id` primary key when inserted rows lack one.
 *
 * Cost model (virtual ms of database work): 1 ms per statement plus 0.01 ms
 * per row scanned; a WHERE that pins `id = value` uses the primary key and
 * scans one row; pg_sleep(s) costs exactly s seconds and nothing else.
 * Tests: tests/runtime/net-services.test.ts.
 */
import { QueryError } from './errors.ts';

/** A row: column name to value. */
export type Row = Record<string, unknown>;

/** One table. */
export interface Table {
  columns: string[];
  rows: Row[];
  nextId: number;
}

/** The result of a statement (like asyncpg's status + records, aiomysql's rowcount/lastrowid). */
export interface QueryResult {
  /** "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE". */
  command: string;
  /** Rows returned (SELECT, or INSERT ... RETURNING). */
  rows: Row[];
  /** Rows returned, inserted, updated or deleted. */
  rowCount: number;
  /** The id of the last inserted row (aiomysql's lastrowid). */
  insertId?: number;
}

type Token = { type: 'word' | 'number' | 'string' | 'param' | 'op' | 'punct'; text: string; value?: unknown };

const BASE_COST = 1;
const ROW_COST = 0.01;

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let positional = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))![0];
      tokens.push({ type: 'word', text: m });
      i += m.length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(sql.slice(i))![0];
      tokens.push({ type: 'number', text: m, value: Number(m) });
      i += m.length;
    } else if (c === "'") {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= sql.length) throw new QueryError('unterminated string literal');
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += sql[j++];
      }
      tokens.push({ type: 'string', text, value: text });
      i = j + 1;
    } else if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      const m = /^\$([0-9]+)/.exec(sql.slice(i))!;
      tokens.push({ type: 'param', text: m[0], value: Number(m[1]) - 1 });
      i += m[0].length;
    } else if (c === '?' || (c === '%' && sql[i + 1] === 's')) {
      tokens.push({ type: 'param', text: c === '?' ? '?' : '%s', value: positional++ });
      i += c === '?' ? 1 : 2;
    } else if ('<>!='.includes(c)) {
      const two = sql.slice(i, i + 2);
      const op = ['<=', '>=', '<>', '!='].includes(two) ? two : c;
      if (op === '!') throw new QueryError(`syntax error at "!"`);
      tokens.push({ type: 'op', text: op });
      i += op.length;
    } else if ('(),*;.'.includes(c)) {
      tokens.push({ type: 'punct', text: c });
      i++;
    } else {
      throw new QueryError(`syntax error at "${c}"`);
    }
  }
  while (tokens.length && tokens[tokens.length - 1]!.text === ';') tokens.pop();
  return tokens;
}

type Expr =
  | { kind: 'col'; name: string }
  | { kind: 'value'; value: unknown }
  | { kind: 'cmp'; op: string; left: Expr; right: Expr }
  | { kind: 'null'; not: boolean; operand: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr };

class Parser {
  #tokens: Token[];
  #params: unknown[];
  #pos = 0;
  constructor(tokens: Token[], params: unknown[]) {
    this.#tokens = tokens;
    this.#params = params;
  }

  peek(): Token | undefined {
    return this.#tokens[this.#pos];
  }
  atEnd(): boolean {
    return this.#pos >= this.#tokens.length;
  }
  isWord(word: string, offset = 0): boolean {
    const t = this.#tokens[this.#pos + offset];
    return t !== undefined && t.type === 'word' && t.text.toUpperCase() === word;
  }
  accept(text: string): boolean {
    const t = this.peek();
    if (t && (t.type === 'word' ? t.text.toUpperCase() === text : t.text === text)) {
      this.#pos++;
      return true;
    }
    return false;
  }
  expect(text: string): void {
    if (!this.accept(text)) throw new QueryError(`syntax error: expected ${text} ${this.#where()}`);
  }
  ident(): string {
    const t = this.peek();
    if (!t || t.type !== 'word') throw new QueryError(`syntax error: expected a name ${this.#where()}`);
    this.#pos++;
    return t.text.toLowerCase();
  }
  #where(): string {
    const t = this.peek();
    return t ? `at "${t.text}"` : 'at end of statement';
  }
  end(): void {
    if (!this.atEnd()) throw new QueryError(`syntax error ${this.#where()}`);
  }

  /** A literal or a parameter. */
  value(): unknown {
    const t = this.peek();
    if (!t) throw new QueryError('syntax error at end of statement');
    if (t.type === 'number' || t.type === 'string') {
      this.#pos++;
      return t.value;
    }
    if (t.type === 'param') {
      this.#pos++;
      const index = t.value as number;
      if (index >= this.#params.length) throw new QueryError(`no value given for parameter ${t.text === '%s' || t.text === '?' ? index + 1 : t.text}`);
      return this.#params[index];
    }
    if (this.accept('NULL')) return null;
    if (this.accept('TRUE')) return true;
    if (this.accept('FALSE')) return false;
    throw new QueryError(`syntax error: expected a value ${this.#where()}`);
  }

  operand(): Expr {
    const t = this.peek();
    if (t && t.type === 'word' && !['NULL', 'TRUE', 'FALSE'].includes(t.text.toUpperCase())) return { kind: 'col', name: this.ident() };
    return { kind: 'value', value: this.value() };
  }

  condition(): Expr {
    let left = this.conjunction();
    while (this.accept('OR')) left = { kind: 'or', left, right: this.conjunction() };
    return left;
  }
  conjunction(): Expr {
    let left = this.comparison();
    while (this.accept('AND')) left = { kind: 'and', left, right: this.comparison() };
    return left;
  }
  comparison(): Expr {
    if (this.accept('(')) {
      const inner = this.condition();
      this.expect(')');
      return inner;
    }
    const left = this.operand();
    if (this.accept('IS')) {
      const not = this.accept('NOT');
      this.expect('NULL');
      return { kind: 'null', not, operand: left };
    }
    const t = this.peek();
    let op: string;
    if (t && t.type === 'op') {
      op = t.text === '!=' ? '<>' : t.text;
      this.#pos++;
    } else if (this.accept('LIKE')) op = 'LIKE';
    else throw new QueryError(`syntax error: expected a comparison ${this.#where()}`);
    return { kind: 'cmp', op, left, right: this.operand() };
  }
}

function evaluate(expr: Expr, row: Row): unknown {
  switch (expr.kind) {
    case 'col':
      if (!(expr.name in row)) throw new QueryError(`column "${expr.name}" does not exist`);
      return row[expr.name];
    case 'value':
      return expr.value;
    case 'and':
      return Boolean(evaluate(expr.left, row)) && Boolean(evaluate(expr.right, row));
    case 'or':
      return Boolean(evaluate(expr.left, row)) || Boolean(evaluate(expr.right, row));
    case 'null': {
      const isNull = evaluate(expr.operand, row) === null || evaluate(expr.operand, row) === undefined;
      return expr.not ? !isNull : isNull;
    }
    case 'cmp': {
      const a = evaluate(expr.left, row) as number | string | null;
      const b = evaluate(expr.right, row) as number | string | null;
      if (a === null || b === null || a === undefined || b === undefined) return false; // SQL: NULL compares to nothing
      switch (expr.op) {
        case '=':
          return a == b; // eslint-disable-line eqeqeq -- '1' = 1 as the databases' coercion would
        case '<>':
          return a != b; // eslint-disable-line eqeqeq
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        case '>=':
          return a >= b;
        case 'LIKE': {
          const re = new RegExp(`^${String(b).replace(/[.+^${}()|[\]\\*?]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 's');
          return re.test(String(a));
        }
      }
      return false;
    }
  }
}

/** The id a WHERE pins with a top-level `id = value` (then the primary key is used: one row scanned). */
function pinnedId(expr: Expr | null): unknown {
  if (expr === null) return undefined;
  if (expr.kind === 'cmp' && expr.op === '=') {
    if (expr.left.kind === 'col' && expr.left.name === 'id' && expr.right.kind === 'value') return expr.right.value;
    if (expr.right.kind === 'col' && expr.right.name === 'id' && expr.left.kind === 'value') return expr.left.value;
  }
  if (expr.kind === 'and') return pinnedId(expr.left) ?? pinnedId(expr.right);
  return undefined;
}

/** A database: named tables and statement execution with a cost. */
export class Database {
  readonly tables = new Map<string, Table>();

  /** Add `rows` as table `name` unless it exists (seeding from `sql.createPool({ tables })`). */
  seed(name: string, rows: Row[]): void {
    const key = name.toLowerCase();
    if (this.tables.has(key)) return;
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const copy = rows.map((r) => ({ ...r }));
    const ids = copy.map((r) => r.id).filter((id): id is number => typeof id === 'number');
    this.tables.set(key, { columns, rows: copy, nextId: (ids.length ? Math.max(...ids) : 0) + 1 });
  }

  #table(name: string): Table {
    const table = this.tables.get(name);
    if (!table) throw new QueryError(`relation "${name}" does not exist`);
    return table;
  }

  /** Run one statement; returns its result and its cost in virtual ms. */
  execute(sql: string, params: unknown[] = []): { result: QueryResult; cost: number } {
    const p = new Parser(tokenize(sql), params);
    if (p.accept('SELECT')) return this.#select(p);
    if (p.accept('INSERT')) return this.#insert(p);
    if (p.accept('UPDATE')) return this.#update(p);
    if (p.accept('DELETE')) return this.#delete(p);
    if (p.accept('CREATE')) return this.#create(p);
    throw new QueryError(`unsupported statement: ${sql.trim().split(/\s+/)[0] ?? ''} (this small database knows SELECT, INSERT, UPDATE, DELETE, CREATE TABLE)`);
  }

  #scan(table: Table, where: Expr | null): { rows: Row[]; scanned: number } {
    const id = pinnedId(where);
    const candidates = id !== undefined ? table.rows.filter((r) => r.id == id) : table.rows; // eslint-disable-line eqeqeq
    const rows = where === null ? candidates.slice() : candidates.filter((r) => Boolean(evaluate(where, r)));
    return { rows, scanned: id !== undefined ? 1 : table.rows.length };
  }

  #whereClause(p: Parser): Expr | null {
    return p.accept('WHERE') ? p.condition() : null;
  }

  #select(p: Parser): { result: QueryResult; cost: number } {
    // SELECT pg_sleep(s) / sleep(s): a statement that only takes time.
    if (p.isWord('PG_SLEEP') || p.isWord('SLEEP')) {
      const name = p.ident();
      p.expect('(');
      const seconds = Number(p.value());
      p.expect(')');
      p.end();
      if (!(seconds >= 0)) throw new QueryError(`${name}: seconds must be a number >= 0`);
      return { result: { command: 'SELECT', rows: [{ [name]: name === 'sleep' ? 0 : '' }], rowCount: 1 }, cost: seconds * 1000 };
    }
    let count = false;
    let star = false;
    const columns: Array<{ name: string; as: string }> = [];
    if (p.accept('*')) star = true;
    else if (p.isWord('COUNT')) {
      p.ident();
      p.expect('(');
      p.expect('*');
      p.expect(')');
      count = true;
    } else {
      if (p.peek()?.type !== 'word' || p.isWord('NULL') || p.isWord('TRUE') || p.isWord('FALSE')) {
        // SELECT <value>
        const value = p.value();
        p.end();
        return { result: { command: 'SELECT', rows: [{ '?column?': value }], rowCount: 1 }, cost: BASE_COST };
      }
      do {
        const name = p.ident();
        columns.push({ name, as: p.accept('AS') ? p.ident() : name });
      } while (p.accept(','));
    }
    p.expect('FROM');
    const table = this.#table(p.ident());
    const where = this.#whereClause(p);
    const order: Array<{ col: string; desc: boolean }> = [];
    if (p.accept('ORDER')) {
      p.expect('BY');
      do {
        const col = p.ident();
        const desc = p.accept('DESC');
        if (!desc) p.accept('ASC');
        order.push({ col, desc });
      } while (p.accept(','));
    }
    let limit = Infinity;
    let offset = 0;
    if (p.accept('LIMIT')) limit = Number(p.value());
    if (p.accept('OFFSET')) offset = Number(p.value());
    p.end();
    const { rows, scanned } = this.#scan(table, where);
    if (order.length) {
      rows.sort((a, b) => {
        for (const { col, desc } of order) {
          const x = a[col] as number | string;
          const y = b[col] as number | string;
          if (x < y) return desc ? 1 : -1;
          if (x > y) return desc ? -1 : 1;
        }
        return 0;
      });
    }
    const cost = BASE_COST + ROW_COST * scanned;
    if (count) return { result: { command: 'SELECT', rows: [{ count: rows.length }], rowCount: 1 }, cost };
    for (const { name } of columns) if (!table.columns.includes(name)) throw new QueryError(`column "${name}" does not exist`);
    const picked = rows.slice(offset, offset + limit).map((r) => {
      if (star) return { ...r };
      const out: Row = {};
      for (const { name, as } of columns) out[as] = r[name] ?? null;
      return out;
    });
    return { result: { command: 'SELECT', rows: picked, rowCount: picked.length }, cost };
  }

  #insert(p: Parser): { result: QueryResult; cost: number } {
    p.expect('INTO');
    const name = p.ident();
    const table = this.#table(name);
    p.expect('(');
    const cols: string[] = [];
    do cols.push(p.ident());
    while (p.accept(','));
    p.expect(')');
    p.expect('VALUES');
    const inserted: Row[] = [];
    do {
      p.expect('(');
      const values: unknown[] = [];
      do values.push(p.value());
      while (p.accept(','));
      p.expect(')');
      if (values.length !== cols.length) throw new QueryError(`INSERT has ${values.length} values for ${cols.length} columns`);
      const row: Row = {};
      for (const c of table.columns) row[c] = null;
      cols.forEach((c, i) => (row[c] = values[i]));
      if (row.id === null || row.id === undefined) row.id = table.nextId;
      if (typeof row.id === 'number') table.nextId = Math.max(table.nextId, row.id + 1);
      if (table.rows.some((r) => r.id == row.id)) throw new QueryError(`duplicate key value violates unique constraint: id=${String(row.id)}`); // eslint-disable-line eqeqeq
      for (const c of Object.keys(row)) if (!table.columns.includes(c)) table.columns.push(c);
      inserted.push(row);
    } while (p.accept(','));
    const returning = this.#returning(p);
    p.end();
    table.rows.push(...inserted);
    const rows = returning === null ? [] : inserted.map((r) => (returning.length ? Object.fromEntries(returning.map((c) => [c, r[c] ?? null])) : { ...r }));
    return {
      result: { command: 'INSERT', rows, rowCount: inserted.length, insertId: inserted[inserted.length - 1]!.id as number },
      cost: BASE_COST + ROW_COST * inserted.length,
    };
  }

  /** RETURNING * (empty list) or columns; null when absent. */
  #returning(p: Parser): string[] | null {
    if (!p.accept('RETURNING')) return null;
    if (p.accept('*')) return [];
    const cols: string[] = [];
    do cols.push(p.ident());
    while (p.accept(','));
    return cols;
  }

  #update(p: Parser): { result: QueryResult; cost: number } {
    const table = this.#table(p.ident());
    p.expect('SET');
    const sets: Array<[string, unknown]> = [];
    do {
      const col = p.ident();
      p.expect('=');
      sets.push([col, p.value()]);
    } while (p.accept(','));
    const where = this.#whereClause(p);
    p.end();
    for (const [col] of sets) if (!table.columns.includes(col)) throw new QueryError(`column "${col}" does not exist`);
    const { rows, scanned } = this.#scan(table, where);
    for (const row of rows) for (const [col, value] of sets) row[col] = value;
    return { result: { command: 'UPDATE', rows: [], rowCount: rows.length }, cost: BASE_COST + ROW_COST * scanned };
  }

  #delete(p: Parser): { result: QueryResult; cost: number } {
    p.expect('FROM');
    const table = this.#table(p.ident());
    const where = this.#whereClause(p);
    p.end();
    const { rows, scanned } = this.#scan(table, where);
    const gone = new Set(rows);
    table.rows = table.rows.filter((r) => !gone.has(r));
    return { result: { command: 'DELETE', rows: [], rowCount: rows.length }, cost: BASE_COST + ROW_COST * scanned };
  }

  #create(p: Parser): { result: QueryResult; cost: number } {
    p.expect('TABLE');
    let ifNotExists = false;
    if (p.accept('IF')) {
      p.expect('NOT');
      p.expect('EXISTS');
      ifNotExists = true;
    }
    const name = p.ident();
    p.expect('(');
    const columns: string[] = [];
    let depth = 0;
    let expectName = true;
    while (!p.atEnd()) {
      const t = p.peek()!;
      if (depth === 0 && t.text === ')') break;
      if (expectName) {
        columns.push(p.ident());
        expectName = false;
        continue;
      }
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      else if (t.text === ',' && depth === 0) expectName = true;
      p.accept(t.type === 'word' ? t.text.toUpperCase() : t.text);
    }
    p.expect(')');
    p.end();
    if (this.tables.has(name)) {
      if (ifNotExists) return { result: { command: 'CREATE', rows: [], rowCount: 0 }, cost: BASE_COST };
      throw new QueryError(`relation "${name}" already exists`);
    }
    this.tables.set(name, { columns, rows: [], nextId: 1 });
    return { result: { command: 'CREATE', rows: [], rowCount: 0 }, cost: BASE_COST };
  }
}
