using System.Security.Cryptography;

namespace Switch.Tests.Sip.Message;

/// <summary>The vendored RFC 4475 / RFC 5118 corpus (tests/Switch.Tests/Fixtures/sip-torture).</summary>
internal static class TortureCorpus
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "sip-torture");

    public sealed record Entry(string Rfc, string Name, string Section, string Category, string Expected)
    {
        public byte[] Bytes => File.ReadAllBytes(Path.Combine(Root, Rfc, Name + ".dat"));

        public bool MustParse => Category is "valid" or "valid-but-reject-semantically";

        public override string ToString() => Rfc + "/" + Name;
    }

    public static IReadOnlyList<Entry> Entries { get; } = Load();

    public static Entry Get(string name) => Entries.Single(e => e.Name == name);

    public static TheoryData<string> Names(Func<Entry, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var e in Entries.Where(filter))
        {
            data.Add(e.Name);
        }

        return data;
    }

    public static bool VerifySums(string rfc, out string failure)
    {
        foreach (var line in File.ReadAllLines(Path.Combine(Root, rfc, "SHA256SUMS")))
        {
            var parts = line.Split("  ", 2);
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Root, rfc, parts[1]))));
            if (actual != parts[0])
            {
                failure = parts[1];
                return false;
            }
        }

        failure = string.Empty;
        return true;
    }

    private static List<Entry> Load()
    {
        var list = new List<Entry>();
        foreach (var rfc in new[] { "rfc4475", "rfc5118" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(Root, rfc, "INDEX.tsv")).Skip(1))
            {
                var c = line.Split('\t');
                list.Add(new Entry(rfc, c[0], c[1], c[2], c[3]));
            }
        }

        return list;
    }
}
