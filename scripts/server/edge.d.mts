// Types of edge.mjs, for the TypeScript tests that import it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export const PEER_HEADER: string;
export const PEER_TOKEN_KEY: symbol;
export const DEMO_FRAME_PATH: string;
export function installPeerToken(): string;
export function decodablePath(path: string): string;
export function decodableUrl(url: string): string;
export function inlineScriptHashes(html: string): string[];
export function loadStaticPages(distDir: string): Map<string, string[]>;
export function parseConnectSrc(text: string | undefined): string[];
export function policy(o: { scripts: string[]; dev?: boolean; connectSrc?: string[] }): string;
export function securityHeaders(
  pathname: string,
  o: { staticPages: Map<string, string[]>; dev?: boolean; connectSrc?: string[] },
): { response: Record<string, string>; hashLater: boolean };
export function bufferForPolicy(res: ServerResponse, makePolicy: (html: string) => string): void;
export function parserErrorAnswer(code: string | undefined): string;
export function createEdge(o: { distDir: string; dev?: boolean; connectSrc?: string[] }): {
  staticPages: Map<string, string[]>;
  prepare(req: IncomingMessage, res: ServerResponse): void;
  clientError(err: Error & { code?: string }, socket: Duplex): void;
};
