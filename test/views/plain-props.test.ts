import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The rule: under src/views, only a function that renders the page frame
 * (<Layout> or a *Shell) takes the request's context; every other component
 * and helper gets plain props (language, CSRF token, ids, data). Checked with
 * the type checker, so a context passed inside a props type counts too.
 */
const VIEWS = resolve('src/views');

function viewFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return viewFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(resolve('tsconfig.json'), (path) => ts.sys.readFile(path));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, resolve('.')).options;
}

/** A hono Context or PageContext: both carry the request (req) and its variables (var). */
function isRequestContext(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(isRequestContext);
  return type.getProperty('req') !== undefined && type.getProperty('var') !== undefined;
}

function takesContext(checker: ts.TypeChecker, fn: ts.SignatureDeclaration): boolean {
  return fn.parameters.some((param) => {
    const type = checker.getTypeAtLocation(param);
    if (isRequestContext(type)) return true;
    const shapes = type.isUnion() ? type.types : [type];
    return shapes.some((shape) => shape.getProperties().some((prop) => isRequestContext(checker.getTypeOfSymbolAtLocation(prop, param))));
  });
}

function rendersFrame(fn: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText();
      if (tag === 'Layout' || tag.endsWith('Shell')) found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

function functionName(fn: ts.SignatureDeclaration): string {
  if (fn.name) return fn.name.getText();
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) ? parent.name.getText() : '(anonymous)';
}

/** "file: name" for each function in these files that takes a context without rendering the frame; extra: sources held in memory. */
function offenders(roots: string[], extra: Record<string, string> = {}): string[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readReal = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => (name in extra ? ts.createSourceFile(name, extra[name]!, version, true, ts.ScriptKind.TSX) : readReal(name, version, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in extra || fileExists(name);
  const program = ts.createProgram(roots, options, host);
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const root of roots) {
    const source = program.getSourceFile(root)!;
    const visit = (node: ts.Node) => {
      if ((ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && takesContext(checker, node) && !rendersFrame(node)) {
        found.push(`${root.slice(VIEWS.length + 1)}: ${functionName(node)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('views', () => {
  it('take a request context only where they render the page frame', () => {
    expect(offenders(viewFiles(VIEWS))).toEqual([]);
  }, 60_000);

  it('would be caught taking a context for a leaf component, directly or inside its props', () => {
    const probe = join(VIEWS, 'probe-leaf.tsx');
    const source = [
      "import type { Context } from 'hono';",
      "import type { NetworkEnv } from '../http/network-access.js';",
      "import type { PageContext } from '../http/env.js';",
      "import { Layout } from './layout.js';",
      'type Props = { c: Context<NetworkEnv>; title: string };',
      'export function Leaf({ c, title }: Props) { return <p>{c.var.lang}{title}</p>; }',
      'export const label = (c: PageContext) => c.var.lang;',
      'export function Page({ c }: { c: PageContext }) { return <Layout lang={c.var.lang} title="" path="/"><p /></Layout>; }',
    ].join('\n');
    expect(offenders([probe], { [probe]: source })).toEqual(['probe-leaf.tsx: Leaf', 'probe-leaf.tsx: label']);
  }, 60_000);
});
