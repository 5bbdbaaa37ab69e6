using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Mariachi.Analyzers.Baseline;

/// <summary>
/// A strict JSON reader for the baseline (the analyzer assembly takes no JSON dependency): RFC 8259 without
/// fractions or exponents, which no baseline value needs. No comments, no trailing commas, one value per file.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 16;
    private readonly string _text;
    private int _position;

    private JsonReader(string text) => _text = text;

    /// <exception cref="BaselineFormatException">The text is not such JSON.</exception>
    public static JsonValue Parse(string text)
    {
        var reader = new JsonReader(text);
        reader.SkipWhitespace();
        if (reader._position < text.Length && text[reader._position] == '\uFEFF')
        {
            reader._position++;
            reader.SkipWhitespace();
        }

        var value = reader.Value(0);
        reader.SkipWhitespace();
        if (reader._position < text.Length)
        {
            throw reader.Error("unexpected text after the end of the JSON value");
        }

        return value;
    }

    private JsonValue Value(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("values are nested too deeply");
        }

        if (_position >= _text.Length)
        {
            throw Error("unexpected end of file");
        }

        switch (_text[_position])
        {
            case '{':
                return Object(depth);
            case '[':
                return Array(depth);
            case '"':
                var start = _position;
                return JsonValue.Text(start, String());
            case 't':
                return Literal("true");
            case 'f':
                return Literal("false");
            case 'n':
                return Literal("null");
            default:
                return Number();
        }
    }

    private JsonValue Object(int depth)
    {
        var start = _position++;
        var properties = new List<(string, int, JsonValue)>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return JsonValue.Object(start, properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            var nameOffset = _position;
            var name = String();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            properties.Add((name, nameOffset, Value(depth + 1)));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect('}');
            return JsonValue.Object(start, properties);
        }
    }

    private JsonValue Array(int depth)
    {
        var start = _position++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return JsonValue.Array(start, items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(Value(depth + 1));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect(']');
            return JsonValue.Array(start, items);
        }
    }

    private string String()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error("a control character inside a string must be escaped");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _position++;
                continue;
            }

            _position++;
            switch (Peek())
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 >= _text.Length
                        || !int.TryParse(_text.Substring(_position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("'\\u' must be followed by four hexadecimal digits");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error("unknown escape sequence in a string");
            }

            _position++;
        }
    }

    private JsonValue Number()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        var digits = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        if (_position == digits)
        {
            _position = start;
            throw Error("expected a JSON value");
        }

        if (_position - digits > 1 && _text[digits] == '0')
        {
            throw ErrorAt("a number must not start with 0", start);
        }

        if (Peek() is '.' or 'e' or 'E')
        {
            throw ErrorAt("only whole numbers are allowed", start);
        }

        if (!long.TryParse(_text.Substring(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw ErrorAt("the number is too large", start);
        }

        return JsonValue.Integer(start, value);
    }

    private JsonValue Literal(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error("expected a JSON value");
        }

        var start = _position;
        _position += word.Length;
        return JsonValue.Literal(start);
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error(_position >= _text.Length ? "unexpected end of file" : $"expected '{c}'");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private BaselineFormatException Error(string message) => ErrorAt(message, _position);

    private static BaselineFormatException ErrorAt(string message, int offset) => new BaselineFormatException(message, offset);
}
