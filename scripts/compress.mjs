// The response compression serve.mjs puts in front of Next.js (whose own is off: `compress: false`
// in next.config). Next.js's gzips at zlib's default level 6, which cost ~6 ms of CPU per dashboard
// render (a 350 KB page). Here Brotli at quality 1 (what browsers ask for over HTTPS: as small as
// gzip 6 at a sixth of its CPU) or gzip at level 1 (over plain HTTP: 2.5× cheaper than level 6,
// ~18 % larger). Streamed pages still arrive chunk by chunk: Next.js calls the `flush` this adds.
// Its own module so the tests can put it in front of a response exactly as the server does.
import zlib from 'node:zlib';
import compression from 'compression';

export const compress = compression({
  level: 1,
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
});
