namespace Mariachi.Analyzers.Package.Tests;

/// <summary>
/// A project written into a scratch folder outside the repository and restored against the <see cref="LocalFeed"/>
/// of every packed Mariachi package, once per fixture. Each test works on its own copy.
/// </summary>
public abstract class RestoredProject(string prefix) : IAsyncLifetime
{
    private readonly ScratchFolder _scratch = new(prefix);

    /// <summary>The scratch folder every copy lives in.</summary>
    protected string Scratch => _scratch.Root;

    /// <summary>The restored project the copies are made from.</summary>
    public string Template => Path.Combine(_scratch.Root, "template");

    public async Task InitializeAsync()
    {
        var feed = await LocalFeed.GetAsync();
        Directory.CreateDirectory(Template);
        await WriteAsync(feed);
        feed.WriteNuGetConfig(Template);

        var restore = await DotNet.RunAsync(Template, "restore");
        Assert.True(restore.ExitCode == 0, $"restore failed: {restore}");
    }

    public Task DisposeAsync()
    {
        _scratch.Delete();
        return Task.CompletedTask;
    }

    /// <summary>A fresh copy of the restored project for one test.</summary>
    public string NewCopy() => _scratch.NewCopy(Template);

    /// <summary>Writes the project into <see cref="Template"/>, referencing the packages at the feed's version.</summary>
    private protected abstract Task WriteAsync(LocalFeed feed);
}
