#!/usr/bin/env python3
"""Serve Reform Atlas (县域医改对照库) from this folder's site/ with Python alone.

    python3 serve.py                       # http://127.0.0.1:8080/      (a site built for the root)
    python3 serve.py --base /reform-atlas/ # http://127.0.0.1:8080/reform-atlas/
    python3 serve.py --bind 0.0.0.0 --port 80

Only the standard library. Unlike `python3 -m http.server` it serves the site's
own Chinese 404 page with status 404, redirects the sub-path without its slash,
sends the search index's WebAssembly as application/wasm, adds the same
Content-Security-Policy the pages carry, and serves nothing outside site/.
"""
import argparse
import http.server
import mimetypes
import os
import posixpath
import urllib.parse

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")
TYPES = {
    '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
    '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml',
    '.txt': 'text/plain; charset=utf-8', '.pagefind': 'application/wasm',
}


def handler(root, base):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=root, **kwargs)

        def end_headers(self):
            self.send_header('Content-Security-Policy', CSP)
            self.send_header('X-Content-Type-Options', 'nosniff')
            super().end_headers()

        def guess_type(self, path):
            return TYPES.get(posixpath.splitext(path)[1].lower()) or mimetypes.guess_type(path)[0] or 'application/octet-stream'

        def list_directory(self, path):  # never list a folder: a missing index.html is a 404
            self.send_error(404)
            return None

        def send_error(self, code, message=None, explain=None):
            page = os.path.join(root, '404.html')
            if code == 404 and os.path.isfile(page):
                with open(page, 'rb') as f:
                    body = f.read()
                self.send_response(404)
                self.send_header('Content-Type', 'text/html; charset=utf-8')
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                if self.command != 'HEAD':
                    self.wfile.write(body)
                return
            super().send_error(code, message, explain)

        def send_head(self):
            # Only what lies under the base path (translate_path keeps it inside site/).
            if not urllib.parse.urlsplit(self.path).path.startswith(base):
                self.send_error(404)
                return None
            return super().send_head()

        def translate_path(self, path):
            parsed = urllib.parse.urlsplit(path).path
            return super().translate_path('/' + parsed[len(base):])

        def do_GET(self):
            parsed = urllib.parse.urlsplit(self.path)
            if base != '/' and parsed.path == base.rstrip('/'):
                self.send_response(301)
                self.send_header('Location', base + (('?' + parsed.query) if parsed.query else ''))
                self.send_header('Content-Length', '0')
                self.end_headers()
                return
            super().do_GET()

        def do_HEAD(self):
            parsed = urllib.parse.urlsplit(self.path)
            if base != '/' and parsed.path == base.rstrip('/'):
                self.send_response(301)
                self.send_header('Location', base)
                self.send_header('Content-Length', '0')
                self.end_headers()
                return
            super().do_HEAD()

    return Handler


def main():
    parser = argparse.ArgumentParser(description='Serve Reform Atlas with Python alone.')
    parser.add_argument('--base', default='/', help='sub-path the site was built for (SITE_BASE), e.g. /reform-atlas/')
    parser.add_argument('--bind', default='127.0.0.1', help='address to listen on (default 127.0.0.1)')
    parser.add_argument('--port', type=int, default=8080, help='port (default 8080)')
    parser.add_argument('--root', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'site'), help='the built site (default: site/ beside this script)')
    args = parser.parse_args()
    base = '/' + args.base.strip('/') + '/' if args.base.strip('/') else '/'
    server = http.server.ThreadingHTTPServer((args.bind, args.port), handler(os.path.abspath(args.root), base))
    print(f'Reform Atlas: http://{args.bind}:{args.port}{base}  (Ctrl+C to stop)', flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == '__main__':
    main()
