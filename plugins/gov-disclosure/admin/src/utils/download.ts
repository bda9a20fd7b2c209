import type { useFetchClient } from '@strapi/strapi/admin';

type Get = ReturnType<typeof useFetchClient>['get'];

/** The file name the server gives (Content-Disposition filename*, then filename), else the fallback. */
const downloadName = (disposition: string | null, fallback: string) => {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // not valid percent-encoding: try the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
};

/**
 * Downloads an admin API file with the admin token (a plain link would not send it). A refusal
 * throws an Error carrying the server's message, so the page can show why.
 */
export const downloadFile = async (get: Get, url: string, params: Record<string, string>, fallbackName: string): Promise<void> => {
  // validateStatus is axios's, passed through by the fetch client: a refusal is read, not thrown
  const res = await get(url, { params, responseType: 'blob', validateStatus: () => true } as Parameters<Get>[1]);
  const blob = res.data as Blob;
  if ((res.status ?? 200) >= 400) {
    const text = await blob.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
    } catch {
      // not JSON: show the text
    }
    throw new Error(message || `HTTP ${res.status}`);
  }
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = downloadName((res.headers as Headers | undefined)?.get?.('Content-Disposition') ?? null, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the browser reads the object URL after click() returns
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
};
