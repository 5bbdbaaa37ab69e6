using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>
/// A line chart written as a PNG without any graphics library: an RGB canvas, lines drawn with a round pen, text in a
/// built-in 5x7 pixel font, and a PNG encoder (zlib from System.IO.Compression, CRC-32 by hand).
/// </summary>
internal static class PngChart
{
    private const int Width = 1100;
    private const int Height = 680;
    private const int Left = 90;
    private const int Right = 330;
    private const int Top = 80;
    private const int Bottom = 70;

    private static readonly (byte R, byte G, byte B)[] Palette =
    [
        (31, 119, 180), (44, 160, 44), (148, 103, 189), (140, 86, 75), (227, 119, 194), (127, 127, 127), (23, 190, 207),
        (188, 189, 34),
    ];

    private static readonly (byte, byte, byte) MariachiTotalColor = (0, 0, 0);
    private static readonly (byte, byte, byte) Ca2016Color = (214, 39, 40);
    private static readonly (byte, byte, byte) Rs0030Color = (255, 127, 14);

    /// <summary>Analyzer time (ms) against the number of files, one line per series; returns the PNG bytes.</summary>
    public static byte[] Render(string title, string subtitle, IReadOnlyList<int> sizes, IReadOnlyList<Series> series)
    {
        var canvas = new Canvas(Width, Height);
        canvas.Fill(255, 255, 255);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;

        var maxX = sizes.Max();
        var maxY = NiceCeiling(series.SelectMany(s => s.Ms).DefaultIfEmpty(1).Max());
        var stepY = maxY / 5;
        int X(double n) => Left + (int)Math.Round(n / maxX * plotW);
        int Y(double ms) => Top + plotH - (int)Math.Round(ms / maxY * plotH);

        canvas.Text(Left, 18, title, 3, (0, 0, 0));
        canvas.Text(Left, 50, subtitle, 2, (80, 80, 80));

        // Grid and axes.
        for (var i = 0; i <= 5; i++)
        {
            var value = stepY * i;
            var y = Y(value);
            canvas.Line(Left, y, Left + plotW, y, 1, (225, 225, 225));
            var label = Format(value);
            canvas.Text(Left - 10 - Canvas.TextWidth(label, 2), y - 7, label, 2, (60, 60, 60));
        }

        foreach (var n in sizes)
        {
            var x = X(n);
            canvas.Line(x, Top, x, Top + plotH, 1, (235, 235, 235));
            var label = n.ToString(CultureInfo.InvariantCulture);
            canvas.Text(x - Canvas.TextWidth(label, 2) / 2, Top + plotH + 10, label, 2, (60, 60, 60));
        }

        canvas.Line(Left, Top, Left, Top + plotH, 2, (0, 0, 0));
        canvas.Line(Left, Top + plotH, Left + plotW, Top + plotH, 2, (0, 0, 0));
        var xTitle = "FILES IN THE SOLUTION (N)";
        canvas.Text(Left + (plotW - Canvas.TextWidth(xTitle, 2)) / 2, Top + plotH + 36, xTitle, 2, (0, 0, 0));
        canvas.Text(8, Top + plotH / 2 - 7, "MS", 2, (0, 0, 0));

        // Lines, then the legend.
        var legendY = Top;
        var paletteIndex = 0;
        foreach (var s in series)
        {
            var (color, width) = s.Name switch
            {
                Report.MariachiTotal => (MariachiTotalColor, 4),
                AnalyzerSet.Ca2016 => (Ca2016Color, 4),
                AnalyzerSet.Rs0030 => (Rs0030Color, 4),
                _ => (Palette[paletteIndex++ % Palette.Length], 2),
            };
            for (var i = 1; i < sizes.Count; i++)
            {
                canvas.Line(X(sizes[i - 1]), Y(s.Ms[i - 1]), X(sizes[i]), Y(s.Ms[i]), width, color);
            }

            for (var i = 0; i < sizes.Count; i++)
            {
                canvas.Disc(X(sizes[i]), Y(s.Ms[i]), width + 2, color);
            }

            var legendX = Left + plotW + 25;
            canvas.Line(legendX, legendY + 7, legendX + 34, legendY + 7, width, color);
            canvas.Text(legendX + 44, legendY, s.Name.ToUpperInvariant(), 2, (0, 0, 0));
            var last = s.Ms[^1];
            canvas.Text(legendX + 44, legendY + 18, Format(last) + " MS AT N=" + sizes[^1].ToString(CultureInfo.InvariantCulture), 2, (110, 110, 110));
            legendY += 44;
        }

        return canvas.ToPng();
    }

    private static string Format(double value) =>
        value >= 100 || value == Math.Floor(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString(value >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>The smallest 1, 2 or 5 times a power of ten, times 5 ticks, that holds <paramref name="max"/>.</summary>
    private static double NiceCeiling(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var step = max / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(step)));
        foreach (var factor in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (factor * power >= step)
            {
                return 5 * factor * power;
            }
        }

        return 50 * power;
    }

    private sealed class Canvas(int width, int height)
    {
        private readonly byte[] _pixels = new byte[width * height * 3];

        public void Fill(byte r, byte g, byte b)
        {
            for (var i = 0; i < _pixels.Length; i += 3)
            {
                _pixels[i] = r;
                _pixels[i + 1] = g;
                _pixels[i + 2] = b;
            }
        }

        public void Set(int x, int y, (byte R, byte G, byte B) color)
        {
            if (x < 0 || y < 0 || x >= width || y >= height)
            {
                return;
            }

            var i = (y * width + x) * 3;
            _pixels[i] = color.R;
            _pixels[i + 1] = color.G;
            _pixels[i + 2] = color.B;
        }

        public void Disc(int cx, int cy, int diameter, (byte, byte, byte) color)
        {
            var r = diameter / 2.0;
            for (var dy = -(int)Math.Ceiling(r); dy <= r; dy++)
            {
                for (var dx = -(int)Math.Ceiling(r); dx <= r; dx++)
                {
                    if (dx * dx + dy * dy <= r * r)
                    {
                        Set(cx + dx, cy + dy, color);
                    }
                }
            }
        }

        /// <summary>A line drawn with a square pen of <paramref name="penWidth"/> pixels (Bresenham on the centre).</summary>
        public void Line(int x0, int y0, int x1, int y1, int penWidth, (byte, byte, byte) color)
        {
            int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
            int dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
            var error = dx + dy;
            var half = penWidth / 2;
            while (true)
            {
                for (var ox = -half; ox < penWidth - half; ox++)
                {
                    for (var oy = -half; oy < penWidth - half; oy++)
                    {
                        Set(x0 + ox, y0 + oy, color);
                    }
                }

                if (x0 == x1 && y0 == y1)
                {
                    break;
                }

                var e2 = 2 * error;
                if (e2 >= dy)
                {
                    error += dy;
                    x0 += sx;
                }

                if (e2 <= dx)
                {
                    error += dx;
                    y0 += sy;
                }
            }
        }

        public static int TextWidth(string text, int scale) => text.Length * 6 * scale - scale;

        public void Text(int x, int y, string text, int scale, (byte, byte, byte) color)
        {
            foreach (var c in text.ToUpperInvariant())
            {
                var glyph = Font.Glyph(c);
                for (var row = 0; row < 7; row++)
                {
                    for (var col = 0; col < 5; col++)
                    {
                        if (glyph[row][col] != '#')
                        {
                            continue;
                        }

                        for (var sy = 0; sy < scale; sy++)
                        {
                            for (var sx = 0; sx < scale; sx++)
                            {
                                Set(x + col * scale + sx, y + row * scale + sy, color);
                            }
                        }
                    }
                }

                x += 6 * scale;
            }
        }

        public byte[] ToPng()
        {
            using var output = new MemoryStream();
            output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            header[8] = 8; // bit depth
            header[9] = 2; // colour type: RGB
            WriteChunk(output, "IHDR", header);

            using (var compressed = new MemoryStream())
            {
                using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                {
                    for (var y = 0; y < height; y++)
                    {
                        zlib.WriteByte(0); // filter: none
                        zlib.Write(_pixels, y * width * 3, width * 3);
                    }
                }

                WriteChunk(output, "IDAT", compressed.ToArray());
            }

            WriteChunk(output, "IEND", []);
            return output.ToArray();
        }

        private static void WriteChunk(Stream output, string type, byte[] data)
        {
            Span<byte> buffer = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
            output.Write(buffer);
            var typeBytes = Encoding.ASCII.GetBytes(type);
            output.Write(typeBytes);
            output.Write(data);
            var crc = Crc32.Update(Crc32.Update(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
            BinaryPrimitives.WriteUInt32BigEndian(buffer, crc);
            output.Write(buffer);
        }
    }

    private static class Crc32
    {
        private static readonly uint[] Table = Build();

        public static uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        private static uint[] Build()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }

    /// <summary>A 5x7 pixel font: upper-case letters, digits and the punctuation the chart uses.</summary>
    private static class Font
    {
        private static readonly Dictionary<char, string[]> Glyphs = new()
        {
            ['A'] = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
            ['B'] = ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
            ['C'] = [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
            ['D'] = ["###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.."],
            ['E'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
            ['F'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
            ['G'] = [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"],
            ['H'] = ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
            ['I'] = [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
            ['J'] = ["..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."],
            ['K'] = ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
            ['L'] = ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
            ['M'] = ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
            ['N'] = ["#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"],
            ['O'] = [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
            ['P'] = ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
            ['Q'] = [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
            ['R'] = ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
            ['S'] = [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
            ['T'] = ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
            ['U'] = ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
            ['V'] = ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
            ['W'] = ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."],
            ['X'] = ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
            ['Y'] = ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
            ['Z'] = ["#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"],
            ['0'] = [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
            ['1'] = ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
            ['2'] = [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
            ['3'] = ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
            ['4'] = ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
            ['5'] = ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
            ['6'] = ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
            ['7'] = ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
            ['8'] = [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
            ['9'] = [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
            ['.'] = [".....", ".....", ".....", ".....", ".....", ".##..", ".##.."],
            [','] = [".....", ".....", ".....", ".....", ".##..", "..#..", ".#..."],
            ['('] = ["...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#."],
            [')'] = [".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#..."],
            ['/'] = [".....", "....#", "...#.", "..#..", ".#...", "#....", "....."],
            ['-'] = [".....", ".....", ".....", "#####", ".....", ".....", "....."],
            ['+'] = [".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."],
            ['%'] = ["##...", "##..#", "...#.", "..#..", ".#...", "#..##", "...##"],
            [':'] = [".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."],
            ['='] = [".....", ".....", "#####", ".....", "#####", ".....", "....."],
            ['_'] = [".....", ".....", ".....", ".....", ".....", ".....", "#####"],
            ['<'] = ["...#.", "..#..", ".#...", "#....", ".#...", "..#..", "...#."],
            ['>'] = [".#...", "..#..", "...#.", "....#", "...#.", "..#..", ".#..."],
            [' '] = [".....", ".....", ".....", ".....", ".....", ".....", "....."],
        };

        private static readonly string[] Unknown = ["#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"];

        public static string[] Glyph(char c) => Glyphs.TryGetValue(c, out var glyph) ? glyph : Unknown;
    }
}
