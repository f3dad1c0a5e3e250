// Ordinary service code for the benchmark corpus: Express and Next.js handlers, service classes,
// utilities, types, calls to other HTTP APIs. None of it mentions the Leonardo API, so it is what
// the engine's prefilter and extractor must get through cheaply. Every block is valid TypeScript.

import type { Random } from './random.js';

const NOUNS = ['user', 'order', 'invoice', 'product', 'session', 'report', 'comment', 'asset', 'team', 'project', 'ticket', 'payment'];
const VERBS = ['load', 'sync', 'refresh', 'archive', 'publish', 'validate', 'render', 'export', 'import', 'resolve'];
const FIELDS = ['id', 'name', 'email', 'createdAt', 'updatedAt', 'status', 'ownerId', 'total', 'currency', 'tags', 'notes', 'priority'];
const HOSTS = ['api.stripe.com/v1/charges', 'api.github.com/repos/acme/app/issues', 'api.openai.com/v1/chat/completions', 'hooks.slack.com/services/T000/B000', 'api.sendgrid.com/v3/mail/send'];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export type Block = (r: Random, n: number) => string;

const typesBlock: Block = (r, n) => {
  const noun = r.pick(NOUNS);
  const fields = r.sample(FIELDS, r.int(5, 10));
  const type = (f: string) => (f.endsWith('At') ? 'Date' : f === 'total' || f === 'priority' ? 'number' : f === 'tags' ? 'string[]' : 'string');
  return `
export interface ${cap(noun)}Record${n} {
${fields.map((f) => `  ${f}${r.chance(0.3) ? '?' : ''}: ${type(f)};`).join('\n')}
}

export type ${cap(noun)}Status${n} = 'draft' | 'active' | 'suspended' | 'deleted';

export interface ${cap(noun)}Page${n} {
  items: ${cap(noun)}Record${n}[];
  nextCursor: string | null;
  total: number;
}
`;
};

const expressHandler: Block = (r, n) => {
  const noun = r.pick(NOUNS);
  const verb = r.pick(VERBS);
  return `
router.${r.pick(['get', 'post', 'put', 'delete'])}('/${noun}s/:id/${verb}-${n}', requireAuth, async (req: Request, res: Response, next: NextFunction) => {
  try {
    const id = String(req.params.id ?? '');
    if (!/^[0-9a-f-]{8,}$/i.test(id)) {
      res.status(400).json({ error: 'invalid id', field: 'id' });
      return;
    }
    const limit = Math.min(Number(req.query.limit ?? ${r.int(10, 50)}), ${r.int(100, 500)});
    const record = await db.${noun}.findUnique({ where: { id }, include: { owner: true } });
    if (!record) {
      res.status(404).json({ error: '${noun} not found' });
      return;
    }
    if (record.ownerId !== req.user?.id && !req.user?.roles.includes('admin')) {
      res.status(403).json({ error: 'forbidden' });
      return;
    }
    const related = await db.${r.pick(NOUNS)}.findMany({ where: { ${noun}Id: id }, take: limit, orderBy: { createdAt: 'desc' } });
    logger.info({ id, count: related.length }, '${verb} ${noun}');
    res.json({ ${noun}: serialize${cap(noun)}(record), related: related.map((item) => ({ id: item.id, status: item.status })) });
  } catch (error) {
    next(error);
  }
});
`;
};

const nextRoute: Block = (r, n) => {
  const noun = r.pick(NOUNS);
  return `
export async function ${r.pick(['GET', 'POST', 'PATCH'])}${n}(request: NextRequest): Promise<NextResponse> {
  const session = await getServerSession(authOptions);
  if (!session?.user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const { searchParams } = new URL(request.url);
  const page = Number(searchParams.get('page') ?? '1');
  const pageSize = Number(searchParams.get('pageSize') ?? '${r.int(10, 40)}');
  const where = {
    teamId: session.user.teamId,
    deletedAt: null,
    ...(searchParams.has('q') ? { name: { contains: searchParams.get('q') ?? '', mode: 'insensitive' as const } } : {}),
  };
  const [items, total] = await Promise.all([
    prisma.${noun}.findMany({ where, skip: (page - 1) * pageSize, take: pageSize }),
    prisma.${noun}.count({ where }),
  ]);
  return NextResponse.json({ items, total, page, pages: Math.ceil(total / pageSize) });
}
`;
};

const serviceClass: Block = (r, n) => {
  const noun = r.pick(NOUNS);
  const ttl = r.int(30, 600);
  return `
export class ${cap(noun)}Service${n} {
  private readonly cache = new Map<string, { value: ${cap(noun)}Dto; expires: number }>();
  private inflight = new Map<string, Promise<${cap(noun)}Dto>>();

  constructor(
    private readonly repository: Repository<${cap(noun)}Dto>,
    private readonly events: EventBus,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(id: string): Promise<${cap(noun)}Dto> {
    const hit = this.cache.get(id);
    if (hit && hit.expires > this.clock()) return hit.value;
    const pending = this.inflight.get(id);
    if (pending) return pending;
    const load = this.repository
      .findById(id)
      .then((value) => {
        if (!value) throw new NotFoundError('${noun}', id);
        this.cache.set(id, { value, expires: this.clock() + ${ttl} * 1000 });
        return value;
      })
      .finally(() => this.inflight.delete(id));
    this.inflight.set(id, load);
    return load;
  }

  async update(id: string, patch: Partial<${cap(noun)}Dto>): Promise<${cap(noun)}Dto> {
    const current = await this.get(id);
    const next = { ...current, ...patch, updatedAt: new Date(this.clock()) };
    await this.repository.save(next);
    this.cache.delete(id);
    this.events.emit('${noun}.updated', { id, changed: Object.keys(patch) });
    return next;
  }

  async remove(id: string): Promise<void> {
    await this.repository.delete(id);
    this.cache.delete(id);
    this.events.emit('${noun}.removed', { id });
  }

  invalidate(predicate: (dto: ${cap(noun)}Dto) => boolean = () => true): number {
    let removed = 0;
    for (const [key, entry] of this.cache) {
      if (predicate(entry.value)) {
        this.cache.delete(key);
        removed++;
      }
    }
    return removed;
  }
}
`;
};

const utilities: Block = (r, n) => `
export function chunk${n}<T>(items: readonly T[], size = ${r.int(2, 50)}): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function slugify${n}(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\\u0300-\\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ${r.int(40, 120)});
}

export function formatMoney${n}(cents: number, currency = '${r.pick(['USD', 'EUR', 'GBP', 'JPY'])}'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

export function debounce${n}<A extends unknown[]>(fn: (...args: A) => void, wait = ${r.int(50, 500)}): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

export function groupBy${n}<T, K extends string | number>(items: Iterable<T>, key: (item: T) => K): Record<K, T[]> {
  const groups = {} as Record<K, T[]>;
  for (const item of items) (groups[key(item)] ??= []).push(item);
  return groups;
}
`;

const retryHelper: Block = (r, n) => `
export async function withRetry${n}<T>(task: () => Promise<T>, attempts = ${r.int(2, 6)}, baseDelay = ${r.int(100, 1000)}): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await task();
    } catch (error) {
      lastError = error;
      const status = (error as { status?: number }).status;
      if (status !== undefined && status < 500 && status !== 429) break;
      const jitter = Math.random() * baseDelay;
      await new Promise((resolve) => setTimeout(resolve, baseDelay * 2 ** attempt + jitter));
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
`;

const otherApi: Block = (r, n) => {
  const host = r.pick(HOSTS);
  const noun = r.pick(NOUNS);
  return `
export async function notify${cap(noun)}${n}(payload: { id: string; message: string; amount?: number }): Promise<boolean> {
  const response = await fetch('https://${host}', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: \`Bearer \${process.env.${r.pick(['STRIPE', 'GITHUB', 'OPENAI', 'SLACK', 'SENDGRID'])}_TOKEN}\`,
    },
    body: JSON.stringify({
      reference: payload.id,
      text: payload.message,
      amount: payload.amount ?? 0,
      width: ${r.int(1, 9) * 100},
      metadata: { source: '${noun}-service', attempt: ${r.int(1, 3)} },
    }),
  });
  if (!response.ok) {
    logger.warn({ status: response.status }, 'notification failed');
    return false;
  }
  return true;
}
`;
};

const reducer: Block = (r, n) => {
  const noun = r.pick(NOUNS);
  return `
type ${cap(noun)}Action${n} =
  | { type: 'added'; item: ${cap(noun)}Dto }
  | { type: 'removed'; id: string }
  | { type: 'renamed'; id: string; name: string }
  | { type: 'reset' };

export function ${noun}Reducer${n}(state: ${cap(noun)}Dto[], action: ${cap(noun)}Action${n}): ${cap(noun)}Dto[] {
  switch (action.type) {
    case 'added':
      return [...state, action.item];
    case 'removed':
      return state.filter((item) => item.id !== action.id);
    case 'renamed':
      return state.map((item) => (item.id === action.id ? { ...item, name: action.name } : item));
    case 'reset':
      return [];
    default:
      return state;
  }
}
`;
};

const validator: Block = (r, n) => {
  const fields = r.sample(FIELDS, r.int(4, 8));
  return `
const rules${n} = {
${fields.map((f) => `  ${f}: { required: ${r.chance(0.5)}, maxLength: ${r.int(8, 255)} },`).join('\n')}
} as const;

export function validate${n}(input: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [field, rule] of Object.entries(rules${n})) {
    const value = input[field];
    if (rule.required && (value === undefined || value === null || value === '')) {
      problems.push(\`\${field} is required\`);
      continue;
    }
    if (typeof value === 'string' && value.length > rule.maxLength) {
      problems.push(\`\${field} is longer than \${rule.maxLength} characters\`);
    }
  }
  return problems;
}
`;
};

const pipeline: Block = (r, n) => {
  const noun = r.pick(NOUNS);
  return `
export function summarize${cap(noun)}s${n}(rows: Array<{ id: string; total: number; status: string; tags: string[] }>) {
  const active = rows.filter((row) => row.status !== 'deleted');
  const byStatus = active.reduce<Record<string, number>>((acc, row) => {
    acc[row.status] = (acc[row.status] ?? 0) + 1;
    return acc;
  }, {});
  const tags = new Set(active.flatMap((row) => row.tags));
  const totals = active.map((row) => row.total).sort((a, b) => a - b);
  const median = totals.length === 0 ? 0 : totals[Math.floor(totals.length / 2)]!;
  return {
    count: active.length,
    byStatus,
    tags: [...tags].sort(),
    median,
    max: totals.at(-1) ?? 0,
    ratio: active.length / Math.max(rows.length, 1) * ${r.int(1, 100)},
  };
}
`;
};

export const ORDINARY_BLOCKS: readonly Block[] = [
  typesBlock,
  expressHandler,
  nextRoute,
  serviceClass,
  utilities,
  retryHelper,
  otherApi,
  reducer,
  validator,
  pipeline,
];

/** The imports and declarations the ordinary blocks lean on. */
export const ORDINARY_HEADER = `import type { NextFunction, Request, Response } from 'express';
import { Router } from 'express';
import { NextRequest, NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { prisma, db } from './db';
import { logger } from './logger';
import { authOptions, requireAuth } from './auth';
import { EventBus, NotFoundError, type Repository } from './support';
import type { OrderDto as UserDto, OrderDto, OrderDto as InvoiceDto, OrderDto as ProductDto, OrderDto as SessionDto } from './dto';
import type { OrderDto as ReportDto, OrderDto as CommentDto, OrderDto as AssetDto, OrderDto as TeamDto } from './dto';
import type { OrderDto as ProjectDto, OrderDto as TicketDto, OrderDto as PaymentDto } from './dto';

export const router = Router();
`;
