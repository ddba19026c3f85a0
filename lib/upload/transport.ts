/**
 * Transports: they send one HttpRequest (from lib/request/http.ts toHttpRequest) with the file
 * bytes in its multipart body (lib/request/body.ts httpBody, the body the live call sends).
 * `fetchTransport` works in Node and browsers; `xhrTransport` is for browsers and reports upload
 * progress (fetch cannot).
 */
import { httpBody } from '@/lib/request/body';
import type { Transport, TransportRequest, TransportResponse } from './types';

function abortError(): Error {
  const e = new Error('The request was aborted.');
  e.name = 'AbortError';
  return e;
}

export const fetchTransport: Transport = async (req: TransportRequest): Promise<TransportResponse> => {
  const res = await fetch(req.http.url, { method: req.http.method, body: httpBody(req.http, req.files) ?? null, signal: req.signal });
  const text = await res.text();
  return { status: res.status, text };
};

/** XMLHttpRequest transport (browser only): the same request, with upload progress events. */
export const xhrTransport: Transport = (req: TransportRequest): Promise<TransportResponse> =>
  new Promise((resolve, reject) => {
    if (req.signal.aborted) return reject(abortError());
    const xhr = new XMLHttpRequest();
    xhr.open(req.http.method, req.http.url);
    xhr.responseType = 'text';
    if (req.onUploadProgress) {
      const cb = req.onUploadProgress;
      xhr.upload.onprogress = (e) => cb(e.loaded, e.lengthComputable ? e.total : 0);
    }
    const onAbort = () => xhr.abort();
    req.signal.addEventListener('abort', onAbort, { once: true });
    const done = () => req.signal.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, text: xhr.responseText });
    };
    xhr.onerror = () => {
      done();
      reject(new TypeError('Network error: the connection to the server failed.'));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      done();
      reject(abortError());
    };
    xhr.send(httpBody(req.http, req.files) ?? null);
  });

/** XMLHttpRequest where it exists (upload progress), fetch otherwise. */
export function defaultTransport(): Transport {
  return typeof XMLHttpRequest !== 'undefined' ? xhrTransport : fetchTransport;
}
