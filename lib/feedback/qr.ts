import 'server-only';
import QRCode from 'qrcode';

// Medium error correction survives a crease or a smudge on a printed receipt; the 4-module quiet
// zone is what scanners need around the code.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** A QR code as SVG: scales to any print size. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}

/** A QR code as a PNG of 1024 px: sharp at about 8 cm on a 300 dpi printer. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width: 1024 });
}
