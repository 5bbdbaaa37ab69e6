using Mariachi.Naming;

namespace Mariachi.Analyzers.Tests.Model;

/// <summary>
/// The "did you mean" rule computes distances by bit vectors (names up to 64 characters) or row by row, stopping once
/// past the limit (longer ones); its answers must be those of the full edit distance.
/// </summary>
public sealed class ClosestNameTests
{
    [Theory]
    [InlineData("orders.craete", "orders.create")]
    [InlineData("orders.creat", "orders.create")]
    [InlineData("ordrs.crete", "orders.create")]
    [InlineData("billing.invoice.send", "billing.invoices.send")]
    [InlineData("zzzzzz.zzzzzz", null)]
    [InlineData("a.d", "a.b")]
    public void Suggests_the_nearest_name_within_the_limit(string name, string? expected) =>
        Assert.Equal(expected, ClosestName.Find(name, ["orders.create", "orders.get", "billing.invoices.send", "a.b", "a.c"]));

    [Theory]
    [InlineData(1, 7, "abcde")]
    [InlineData(25, 34, "abcde")]
    [InlineData(2, 9, "ab\u00e9\u4e2d.")]
    public void Answers_as_the_full_edit_distance_does_on_many_names(int minWord, int maxWord, string alphabet)
    {
        // Short names, names of 51-69 characters (either side of the 64 a bit vector holds), names beyond ASCII.
        var random = new Random(20261207);
        var names = Enumerable.Range(0, 400).Select(_ => RandomName(random, minWord, maxWord, alphabet)).ToArray();
        foreach (var name in names.Take(150))
        {
            var typo = Mutate(name, random, alphabet + "f");
            Assert.Equal(Reference(typo, names), ClosestName.Find(typo, names));
        }
    }

    /// <summary>The rule as documented, with the plain Levenshtein distance.</summary>
    private static string? Reference(string name, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, name.Length / 3);
        return candidates
            .Select(candidate => (Candidate: candidate, Distance: Levenshtein(name, candidate)))
            .Where(pair => pair.Distance <= limit)
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .Select(pair => pair.Candidate)
            .FirstOrDefault();
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    private static string RandomName(Random random, int minWord, int maxWord, string alphabet)
    {
        // A small alphabet, so many names lie within the limit of one another.
        string Word() => new(Enumerable.Range(0, random.Next(minWord, maxWord)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        return Word() + "." + Word();
    }

    private static string Mutate(string name, Random random, string alphabet)
    {
        var chars = name.ToList();
        for (var edits = random.Next(0, 4); edits > 0 && chars.Count > 1; edits--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                default:
                    chars[at] = alphabet[random.Next(alphabet.Length)];
                    break;
            }
        }

        return new string(chars.ToArray());
    }
}
