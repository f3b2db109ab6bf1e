package corpus

import (
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
)

// drawPNG draws a small bar chart, 16–48 by 12–32 pixels, and encodes it
// as a PNG.
func drawPNG(r *rng) []byte {
	w, h := r.between(16, 48), r.between(12, 32)
	colours := [][3]byte{{0x1f, 0x6f, 0xb4}, {0x2e, 0x8b, 0x57}, {0xc0, 0x39, 0x2b}, {0xe6, 0x7e, 0x22}, {0x55, 0x55, 0x55}}
	fg := pick(r, colours)
	bars := make([]int, r.between(3, 6))
	for i := range bars {
		bars[i] = r.between(2, h-1)
	}
	pix := make([]byte, w*h*3)
	for y := range h {
		for x := range w {
			c := [3]byte{0xff, 0xff, 0xff}
			slot := x * len(bars) / w
			inBar := (x*len(bars))%w >= w/4 // a gap left of every bar
			if inBar && h-y <= bars[slot] {
				c = fg
			}
			copy(pix[(y*w+x)*3:], c[:])
		}
	}
	return encodePNG(w, h, pix)
}

// encodePNG encodes 8-bit RGB pixels as a PNG whose image data is stored
// without compression, so that its bytes depend on nothing but the pixels.
func encodePNG(w, h int, pix []byte) []byte {
	raw := make([]byte, 0, h*(1+w*3))
	for y := range h {
		raw = append(raw, 0) // filter: none
		raw = append(raw, pix[y*w*3:(y+1)*w*3]...)
	}
	sum := adler32.Checksum(raw)
	z := []byte{0x78, 0x01} // zlib, deflate, no preset dictionary
	for {
		n := min(len(raw), 0xffff)
		final := byte(0)
		if n == len(raw) {
			final = 1
		}
		z = append(z, final) // a stored block
		z = binary.LittleEndian.AppendUint16(z, uint16(n))
		z = binary.LittleEndian.AppendUint16(z, ^uint16(n))
		z = append(z, raw[:n]...)
		raw = raw[n:]
		if final == 1 {
			break
		}
	}
	z = binary.BigEndian.AppendUint32(z, sum)

	out := []byte("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 8, 2, 0, 0, 0) // 8 bits, RGB, deflate, adaptive filters, no interlace
	out = appendChunk(out, "IHDR", ihdr)
	out = appendChunk(out, "IDAT", z)
	return appendChunk(out, "IEND", nil)
}

func appendChunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}
