// Package mediatest makes test pictures: JPEGs with an EXIF block (an
// orientation and a text standing for a GPS position), PNG headers that
// claim too many pixels, GIFs, a tiny WebP. Used by the media, graph and
// httpapp tests and the benchmarks.
package mediatest

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
)

// Gradient draws a w×h picture whose left half is red and right half blue,
// so that a rotation shows.
func Gradient(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.NRGBA{R: 220, G: uint8(y * 255 / max(1, h-1)), B: 30, A: 255}
			if x >= w/2 {
				c = color.NRGBA{R: 30, G: uint8(y * 255 / max(1, h-1)), B: 220, A: 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// JPEG encodes img.
func JPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// PNG encodes img.
func PNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// GIF is a small GIF, a format uploads refuse.
func GIF(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gif.Encode(&buf, Gradient(8, 8), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Secret is written into the test pictures' EXIF block; it must never be
// stored.
const Secret = "GPS 30.5928N 114.3055E photographer home"

// WithExif inserts an EXIF APP1 segment right after a JPEG's SOI marker:
// Orientation (0x0112) and an ImageDescription holding Secret, as a camera
// writes its GPS position.
func WithExif(jpg []byte, orientation uint16) []byte {
	var tiff bytes.Buffer
	be := binary.BigEndian
	tiff.WriteString("MM\x00\x2a")
	_ = binary.Write(&tiff, be, uint32(8)) // first IFD
	_ = binary.Write(&tiff, be, uint16(2)) // two entries
	// Orientation, SHORT, 1
	_ = binary.Write(&tiff, be, []uint16{0x0112, 3})
	_ = binary.Write(&tiff, be, uint32(1))
	_ = binary.Write(&tiff, be, []uint16{orientation, 0})
	// ImageDescription, ASCII
	desc := Secret + "\x00"
	_ = binary.Write(&tiff, be, []uint16{0x010E, 2})
	_ = binary.Write(&tiff, be, uint32(len(desc)))
	_ = binary.Write(&tiff, be, uint32(8+2+2*12+4))
	_ = binary.Write(&tiff, be, uint32(0)) // no next IFD
	tiff.WriteString(desc)
	payload := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	be.PutUint16(seg[2:], uint16(len(payload)+2))
	seg = append(seg, payload...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// Photo draws a w×h JPEG with noise (photographs compress far less than
// flat drawings) and an EXIF block; variant changes its content. Used by the
// benchmarks, which need camera-sized files of distinct content.
func Photo(w, h, variant int) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	x := uint32(variant*7919 + 1)
	for i := 0; i < len(img.Pix); i += 4 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		p := i / 4
		px, py := p%w, p/w
		img.Pix[i] = uint8(px*255/w) ^ uint8(x&0x1f)
		img.Pix[i+1] = uint8(py*255/h) ^ uint8(x>>5&0x1f)
		img.Pix[i+2] = uint8((px+py)*127/(w+h)) ^ uint8(x>>10&0x1f)
		img.Pix[i+3] = 255
	}
	img.Set(variant%w, 0, color.RGBA{R: uint8(variant), A: 255})
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		return nil, err
	}
	return WithExif(buf.Bytes(), 6), nil
}

// PNGHeaderOnly is a PNG whose header claims w×h pixels followed by no
// image data: a decompression bomb's first bytes.
func PNGHeaderOnly(w, h uint32) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	chunk := append([]byte("IHDR"), ihdr...)
	_ = binary.Write(&buf, binary.BigEndian, uint32(13))
	buf.Write(chunk)
	_ = binary.Write(&buf, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return buf.Bytes()
}

// TinyWebP is a 1×1 lossy WebP (the smallest valid file).
func TinyWebP(t testing.TB) []byte {
	b, err := base64.StdEncoding.DecodeString("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA")
	if err != nil {
		t.Fatal(err)
	}
	return b
}
