/**
 * A web page saved as one file (.mht, .mhtml: "网页，单个文件"), which
 * browsers write as a MIME multipart/related message: the page's HTML part,
 * with its charset and transfer encoding undone, for the web-page reader. The
 * other parts (images, styles) are no text.
 */
import { RejectedSource } from './decode.ts';

/** Whether the bytes are a MIME message holding a web page (its headers come first, in ASCII). */
export function isMhtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /^(?:[\w-]+:.*\r?\n)*?(?:MIME-Version|Content-Type):/i.test(head) && /Content-Type:\s*multipart\/related/i.test(head);
}

export interface HtmlPart {
  bytes: Uint8Array;
  /** The charset its part header declares, if any. */
  charset: string | null;
}

/** The first text/html part of a MIME multipart/related message. Throws RejectedSource when there is none. */
export function htmlPart(bytes: Uint8Array): HtmlPart {
  const text = new TextDecoder('latin1').decode(bytes);
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(text.slice(0, 8192))?.[1];
  if (!boundary) throw new RejectedSource('a saved web page (.mht) without MIME boundaries: open it in a browser and save it as .html');
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/Content-Type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase() ?? '7bit';
    const charset = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(headers)?.[1]?.toLowerCase() ?? null;
    return { bytes: transferDecoded(body, encoding), charset };
  }
  throw new RejectedSource('a saved web page (.mht) with no HTML part: open it in a browser and save it as .html');
}

/** A part's body (as latin1 text, one character per byte) with its transfer encoding undone. */
function transferDecoded(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const unfolded = body.replace(/=\r?\n/g, '');
    const out: number[] = [];
    for (let i = 0; i < unfolded.length; i++) {
      const hex = unfolded[i] === '=' ? unfolded.slice(i + 1, i + 3) : '';
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out.push(parseInt(hex, 16));
        i += 2;
      } else {
        out.push(unfolded.charCodeAt(i) & 0xff);
      }
    }
    return Uint8Array.from(out);
  }
  return Uint8Array.from(body, (c) => c.charCodeAt(0) & 0xff);
}
