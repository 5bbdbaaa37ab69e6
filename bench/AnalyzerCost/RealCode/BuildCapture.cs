using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mariachi.Bench.AnalyzerCost.RealCode;

/// <summary>
/// The compiler command line of one project (one target framework) as its real build ran csc, and the projects it
/// references (so that a project compiled without its build's outputs can reference their compilations).
/// </summary>
internal sealed record CapturedCompile(string ProjectPath, string TargetFramework, IReadOnlyList<string> Arguments, IReadOnlyList<string> ProjectReferences);

/// <summary>What the build of the target said about a project that it did not compile.</summary>
internal sealed record BuildFailure(string ProjectPath, IReadOnlyList<string> Errors);

/// <summary>
/// Builds the target once, as its developers would (<c>dotnet restore</c>, then <c>dotnet build --no-incremental</c> so
/// every compile runs), with a targets file injected through <c>CustomAfterMicrosoftCommonTargets</c> that writes each
/// C# compile's <c>@(CscCommandLineArgs)</c> (<c>ProvideCommandLineArgs=true</c>) to a file. A failing restore or build
/// does not stop the bench: the projects that compiled are measured and the others are listed with the build's errors.
/// </summary>
internal sealed partial class BuildCapture(string target, string workDirectory, string configuration, IReadOnlyList<string> msbuildProperties, TextWriter log)
{
    /// <summary>
    /// The injected targets. LibMan's download of client libraries is off, a project's packages.lock.json is left
    /// alone, and the restore's warnings about versions the package source does not have (NU1603 and the
    /// like) and about audit data it cannot fetch, which the build repeats, stay warnings, so a project that treats
    /// warnings as errors still builds.
    /// </summary>
    private const string CaptureTargets = """
        <Project>
          <!-- Written by bench/AnalyzerCost (real-code mode): keeps the command line of each C# compile. -->
          <PropertyGroup>
            <!-- LibMan fetches client-side libraries from a CDN this machine may not reach; no part of a compile. -->
            <LibraryRestore>false</LibraryRestore>
            <!-- A packages.lock.json pins versions the package source may not have: the restore writes its own lock
                 file under obj/ instead of failing on, or rewriting, the project's. -->
            <NuGetLockFilePath Condition="'$(RestorePackagesWithLockFile)' == 'true'">$(MSBuildProjectExtensionsPath)mariachi-bench.packages.lock.json</NuGetLockFilePath>
            <MSBuildWarningsNotAsErrors>$(MSBuildWarningsNotAsErrors);NU1603;NU1608;NU1900;NU1901;NU1902;NU1903;NU1904</MSBuildWarningsNotAsErrors>
          </PropertyGroup>
          <ItemGroup Condition="'$(ManagePackageVersionsCentrally)' == 'true'">
            <!-- raised pins -->
          </ItemGroup>
          <Target Name="MariachiBenchCaptureCompilerArguments" AfterTargets="CoreCompile" Condition="'$(Language)' == 'C#' and '@(CscCommandLineArgs)' != ''">
            <PropertyGroup>
              <_MariachiBenchFile>$(MariachiBenchCaptureDirectory)/$(MSBuildProjectName).$([MSBuild]::StableStringHash('$(MSBuildProjectFullPath)|$(TargetFramework)')).args</_MariachiBenchFile>
            </PropertyGroup>
            <WriteLinesToFile File="$(_MariachiBenchFile)" Lines="project=$(MSBuildProjectFullPath)" Overwrite="true" />
            <WriteLinesToFile File="$(_MariachiBenchFile)" Lines="tfm=$(TargetFramework)" />
            <WriteLinesToFile File="$(_MariachiBenchFile)" Lines="@(CscCommandLineArgs)" />
            <WriteLinesToFile File="$(_MariachiBenchFile).refs" Lines="@(ProjectReference->'%(FullPath)')" Overwrite="true" />
          </Target>
        </Project>
        """;

    private string CaptureDirectory => Path.Combine(workDirectory, "captures");

    private string PartialCaptureDirectory => Path.Combine(workDirectory, "captures-partial");

    /// <summary>The command lines that the build of the target produced, after building it (or from the last build with <paramref name="reuse"/>).</summary>
    public async Task<(IReadOnlyList<CapturedCompile> Compiles, IReadOnlyList<BuildFailure> Failures, string BuildCommand)> RunAsync(bool reuse, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var targetsPath = Path.Combine(workDirectory, "capture.targets");
        var properties = msbuildProperties.Select(p => "-p:" + p).ToList();
        List<string> build =
        [
            "build", target, "--no-restore", "--no-incremental", "-c", configuration, "-nodeReuse:false",
            "-p:UseSharedCompilation=false", "-p:ProvideCommandLineArgs=true",
            $"-p:CustomAfterMicrosoftCommonTargets={targetsPath}", $"-p:MariachiBenchCaptureDirectory={CaptureDirectory}",
            .. properties,
        ];
        var buildCommand = "dotnet " + string.Join(" ", build.Select(a => a.Replace(workDirectory, "<work>", StringComparison.Ordinal)));
        var buildLog = Path.Combine(workDirectory, "build.log");
        if (!reuse || !Directory.Exists(CaptureDirectory))
        {
            if (Directory.Exists(CaptureDirectory))
            {
                Directory.Delete(CaptureDirectory, recursive: true);
            }

            Directory.CreateDirectory(CaptureDirectory);

            // Audit data comes from a server this machine may not reach, and the package source may lack the exact
            // version asked for (NU1603, the next one is taken, which can make another dependency look downgraded,
            // NU1605): none of it is part of a compile, so the restore keeps them warnings instead of writing them
            // into the assets file as errors. The build does not see these properties; its compiles keep the
            // project's own warning settings.
            var restore = await RestoreAsync(targetsPath, properties, cancellationToken);
            log.WriteLine($"Restore exited with {restore}; log: {Path.Combine(workDirectory, "restore.log")}");
            var exit = await DotnetAsync(build, buildLog, cancellationToken);
            log.WriteLine($"Build exited with {exit}; log: {buildLog}");
        }
        else
        {
            log.WriteLine($"Reusing the command lines of the last build in {CaptureDirectory}");
        }

        var compiles = ReadAll(CaptureDirectory);
        var compiled = compiles.Select(c => c.ProjectPath).ToHashSet(StringComparer.Ordinal);
        var failures = File.Exists(buildLog) ? Failures(File.ReadLines(buildLog), compiled) : [];
        return (compiles, failures, buildCommand);
    }

    /// <summary>
    /// Restores the target. Where the package source lacks the exact version a project pins centrally, the next one is
    /// taken (NU1603), and its dependencies may then need a newer version of another centrally pinned package than
    /// the pin (NU1109, an error): each such pin is raised to the version asked for, in the injected targets, and the
    /// restore is run again (at most three times). The raised pins are listed in the targets file and the log.
    /// </summary>
    private async Task<int> RestoreAsync(string targetsPath, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var raised = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var restoreLog = Path.Combine(workDirectory, "restore.log");
        var exit = 0;
        for (var round = 1; round <= 3; round++)
        {
            var pins = string.Concat(raised.Select(p => $"""<PackageVersion Update="{p.Key}" Version="{p.Value}" />"""));
            File.WriteAllText(targetsPath, CaptureTargets.Replace("<!-- raised pins -->", pins, StringComparison.Ordinal));
            exit = await DotnetAsync(
                ["restore", target, "-nodeReuse:false", "-p:NuGetAudit=false", "-p:TreatWarningsAsErrors=false", "-p:WarningsAsErrors=", $"-p:CustomAfterMicrosoftCommonTargets={targetsPath}", .. properties],
                restoreLog,
                cancellationToken);
            var added = 0;
            foreach (Match match in Downgrade().Matches(File.ReadAllText(restoreLog)))
            {
                var package = match.Groups["package"].Value;
                var wanted = match.Groups["wanted"].Value;
                if (!raised.TryGetValue(package, out var current) || NuGetVersionLess(current, wanted))
                {
                    raised[package] = wanted;
                    added++;
                }
            }

            if (exit == 0 || added == 0)
            {
                break;
            }

            log.WriteLine($"Restore round {round}: raised central pins to what the served dependencies need: {string.Join(", ", raised.Select(p => $"{p.Key} {p.Value}"))}");
        }

        return exit;
    }

    private static bool NuGetVersionLess(string a, string b) =>
        Version.TryParse(a.Split('-')[0], out var va) && Version.TryParse(b.Split('-')[0], out var vb) && va < vb;

    /// <summary>
    /// The command lines of the projects that the build did not compile, as a second build gives them when it runs
    /// only up to the compile, as IDEs load projects: the compiler not run (<c>SkipCompilerExecution</c>), referenced
    /// projects not built (<c>BuildProjectReferences=false</c>; their outputs may be missing, and the bench
    /// references their compilations instead) and the restore's errors not replayed (<c>EmitAssetsLogMessages=false</c>):
    /// the packages that did restore are referenced, the missing ones are not.
    /// These compiles have errors; the bench analyzes them for findings only and does not time them.
    /// </summary>
    public async Task<IReadOnlyList<CapturedCompile>> RunPartialAsync(IReadOnlyList<CapturedCompile> compiled, bool reuse, CancellationToken cancellationToken)
    {
        if (!reuse || !Directory.Exists(PartialCaptureDirectory))
        {
            if (Directory.Exists(PartialCaptureDirectory))
            {
                Directory.Delete(PartialCaptureDirectory, recursive: true);
            }

            Directory.CreateDirectory(PartialCaptureDirectory);
            var exit = await DotnetAsync(
                [
                    "build", target, "--no-restore", "-t:Compile", "-c", configuration, "-nodeReuse:false", "-p:UseSharedCompilation=false",
                    "-p:ProvideCommandLineArgs=true", "-p:SkipCompilerExecution=true", "-p:BuildProjectReferences=false", "-p:EmitAssetsLogMessages=false",
                    $"-p:CustomAfterMicrosoftCommonTargets={Path.Combine(workDirectory, "capture.targets")}", $"-p:MariachiBenchCaptureDirectory={PartialCaptureDirectory}",
                    .. msbuildProperties.Select(p => "-p:" + p),
                ],
                Path.Combine(workDirectory, "build-partial.log"),
                cancellationToken);
            log.WriteLine($"Second build (compiler not run, for the projects that did not compile) exited with {exit}");
        }

        var done = compiled.Select(c => c.ProjectPath).ToHashSet(StringComparer.Ordinal);
        return [.. ReadAll(PartialCaptureDirectory).Where(c => !done.Contains(c.ProjectPath))];
    }

    private static List<CapturedCompile> ReadAll(string directory) =>
        [.. Directory.GetFiles(directory, "*.args").Order(StringComparer.Ordinal).Select(Read)];

    private static CapturedCompile Read(string file)
    {
        var lines = File.ReadAllLines(file);
        if (lines.Length < 2 || !lines[0].StartsWith("project=", StringComparison.Ordinal) || !lines[1].StartsWith("tfm=", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{file} is not a command line written by the capture target.");
        }

        var references = File.Exists(file + ".refs") ? File.ReadAllLines(file + ".refs").Where(l => l.Length > 0).ToList() : [];
        return new CapturedCompile(lines[0]["project=".Length..], lines[1]["tfm=".Length..], lines[2..], references);
    }

    /// <summary>The errors of the build log, by the project they were reported for, for the projects that were not compiled.</summary>
    private static List<BuildFailure> Failures(IEnumerable<string> buildLog, HashSet<string> compiled)
    {
        var byProject = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in buildLog)
        {
            var match = ErrorLine().Match(line);
            if (!match.Success)
            {
                match = ProjectErrorLine().Match(line);
                if (!match.Success)
                {
                    continue;
                }
            }

            var project = match.Groups["project"].Value.Split("::", 2)[0];
            if (compiled.Contains(project) || !project.EndsWith("proj", StringComparison.Ordinal))
            {
                continue;
            }

            if (!byProject.TryGetValue(project, out var errors))
            {
                byProject[project] = errors = [];
            }

            var error = match.Groups["error"].Value.Trim();
            if (!errors.Contains(error, StringComparer.Ordinal))
            {
                errors.Add(error);
            }
        }

        return [.. byProject.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new BuildFailure(p.Key, p.Value))];
    }

    private async Task<int> DotnetAsync(IReadOnlyList<string> arguments, string logPath, CancellationToken cancellationToken)
    {
        log.WriteLine("> dotnet " + string.Join(" ", arguments));
        var start = new ProcessStartInfo("dotnet")
        {
            // Outside the target's folder, so its global.json does not pin an SDK this machine lacks: the bench
            // builds with the installed SDK (MSBuild SDKs named in global.json are still found from the project).
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        await using var file = new StreamWriter(logPath);
        var output = Pump(process.StandardOutput, file);
        var error = Pump(process.StandardError, file);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }

    private static async Task Pump(StreamReader reader, StreamWriter file)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (file)
            {
                file.WriteLine(line);
            }
        }
    }

    /// <summary>An MSBuild error line: <c>file(line,col): error CODE: message [project]</c>.</summary>
    [GeneratedRegex(@"(?:^|\s)error (?<error>[A-Z]+[0-9]+:.*?)\s*\[(?<project>[^\]]+)\]\s*$")]
    private static partial Regex ErrorLine();

    /// <summary>A project-level error: <c>project.csproj : error CODE: message</c>.</summary>
    [GeneratedRegex(@"^\s*(?<project>\S.*?proj) : error (?<error>(?:[A-Z]+[0-9]+)?:.*?)\s*$")]
    private static partial Regex ProjectErrorLine();

    /// <summary>NU1109: <c>Detected package downgrade: NAME from WANTED to centrally defined PINNED.</c></summary>
    [GeneratedRegex(@"NU1109: Detected package downgrade: (?<package>\S+) from (?<wanted>\S+) to centrally defined (?<pinned>[^\s.]+(?:\.[^\s.]+)*)\.")]
    private static partial Regex Downgrade();
}
