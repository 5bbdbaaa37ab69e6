using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The <c>mariachi.*</c> options of one file, read from .editorconfig / .globalconfig. Values that do not parse
/// fall back to the default and are reported by MAR0900.
/// </summary>
internal sealed class MariachiOptions
{
    public const string Prefix = "mariachi.";
    public const string ServiceSuffixesKey = "mariachi.service_suffixes";
    public const string ServicePatternsKey = "mariachi.service_patterns";
    public const string ServiceExclusionsKey = "mariachi.service_exclusions";
    public const string ServiceAssembliesKey = "mariachi.service_assemblies";
    public const string ControllerSuffixesKey = "mariachi.controller_suffixes";
    public const string ConfigNamespacesKey = "mariachi.config_namespaces";
    public const string EnvironmentAllowListKey = "mariachi.environment_allow_list";
    public const string IncludeTestProjectsKey = "mariachi.include_test_projects";
    public const string DataAccessTypesKey = "mariachi.data_access_types";
    public const string FacadeTypesKey = "mariachi.facade_types";
    public const string HttpServerNamespacesKey = "mariachi.http_server_namespaces";
    public const string HttpServerTypesKey = "mariachi.http_server_types";

    /// <summary>Every known key with a description of the value it expects.</summary>
    public static readonly ImmutableDictionary<string, string> KnownKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ServiceSuffixesKey] = "a comma-separated list of type-name suffixes, e.g. 'Service, Manager'",
        [ServicePatternsKey] = "a comma-separated list of name patterns with '*' wildcards, e.g. '*Manager, *.Services.*'",
        [ServiceExclusionsKey] = "a comma-separated list of name patterns with '*' wildcards, e.g. 'IFeatureService, *.Caching.*'",
        [ServiceAssembliesKey] = "a comma-separated list of assembly name patterns with '*' wildcards, e.g. 'Acme.Billing.Client, Acme.*'",
        [ControllerSuffixesKey] = "a comma-separated list of type-name suffixes, e.g. 'Controller'",
        [ConfigNamespacesKey] = "a comma-separated list of namespace segments, e.g. 'Configuration, Config'",
        [EnvironmentAllowListKey] = "a comma-separated list of environment variable names, e.g. 'PORT, ADMIN_PORT'",
        [IncludeTestProjectsKey] = "'true' or 'false'",
        [DataAccessTypesKey] = "a comma-separated list of type name patterns with '*' wildcards, e.g. 'IRepository, Acme.Data.*Store'",
        [FacadeTypesKey] = "a comma-separated list of type name patterns with '*' wildcards, e.g. '*Middleware, Acme.Web.IRequestHook'",
        [HttpServerNamespacesKey] = "a comma-separated list of namespaces, e.g. 'Acme.Web.Http, Carter'",
        [HttpServerTypesKey] = "a comma-separated list of type name patterns with '*' wildcards, e.g. 'Acme.Web.RequestContext'",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static readonly MariachiOptions Default = new MariachiOptions(
        ImmutableArray.Create("Service"),
        ImmutableArray<NamePattern>.Empty,
        ImmutableArray<NamePattern>.Empty,
        ImmutableArray<NamePattern>.Empty,
        ImmutableArray.Create("Controller"),
        ImmutableArray.Create("Configuration", "Config"),
        ImmutableHashSet.Create(StringComparer.Ordinal, "PORT", "ADMIN_PORT", "WEBHOOK_PORT"),
        includeTestProjects: false,
        new LayerLists(ImmutableArray<NamePattern>.Empty, ImmutableArray<NamePattern>.Empty, ImmutableArray<string>.Empty, ImmutableArray<NamePattern>.Empty));

    private MariachiOptions(
        ImmutableArray<string> serviceSuffixes,
        ImmutableArray<NamePattern> servicePatterns,
        ImmutableArray<NamePattern> serviceExclusions,
        ImmutableArray<NamePattern> serviceAssemblies,
        ImmutableArray<string> controllerSuffixes,
        ImmutableArray<string> configNamespaces,
        ImmutableHashSet<string> environmentAllowList,
        bool includeTestProjects,
        LayerLists layers)
    {
        ServiceSuffixes = serviceSuffixes;
        ServicePatterns = servicePatterns;
        ServiceExclusions = serviceExclusions;
        ServiceAssemblies = serviceAssemblies;
        ControllerSuffixes = controllerSuffixes;
        ConfigNamespaces = configNamespaces;
        EnvironmentAllowList = environmentAllowList;
        IncludeTestProjects = includeTestProjects;
        DataAccessTypes = layers.DataAccessTypes;
        FacadeTypes = layers.FacadeTypes;
        HttpServerNamespaces = layers.HttpServerNamespaces;
        HttpServerTypes = layers.HttpServerTypes;
    }

    public ImmutableArray<string> ServiceSuffixes { get; }

    public ImmutableArray<NamePattern> ServicePatterns { get; }

    /// <summary>Name patterns of types that are never services, whatever their name (MAR0001).</summary>
    public ImmutableArray<NamePattern> ServiceExclusions { get; }

    /// <summary>Assembly name patterns of packages whose types are judged by name like the solution's own (MAR0001).</summary>
    public ImmutableArray<NamePattern> ServiceAssemblies { get; }

    public ImmutableArray<string> ControllerSuffixes { get; }

    public ImmutableArray<string> ConfigNamespaces { get; }

    public ImmutableHashSet<string> EnvironmentAllowList { get; }

    public bool IncludeTestProjects { get; }

    /// <summary>Name patterns of further data-access types; their subtypes and implementations count too (MAR0006).</summary>
    public ImmutableArray<NamePattern> DataAccessTypes { get; }

    /// <summary>Name patterns of further facade types; their subtypes and implementations count too (MAR0006).</summary>
    public ImmutableArray<NamePattern> FacadeTypes { get; }

    /// <summary>Further HTTP server namespaces, with the namespaces below them (MAR0007).</summary>
    public ImmutableArray<string> HttpServerNamespaces { get; }

    /// <summary>Name patterns of further HTTP server types (MAR0007).</summary>
    public ImmutableArray<NamePattern> HttpServerTypes { get; }

    /// <summary>Reads the options; invalid values keep their defaults.</summary>
    public static MariachiOptions Read(AnalyzerConfigOptions options)
    {
        var hasAny = false;
        foreach (var key in KnownKeys.Keys)
        {
            if (options.TryGetValue(key, out _))
            {
                hasAny = true;
                break;
            }
        }

        if (!hasAny)
        {
            return Default;
        }

        return new MariachiOptions(
            List(options, ServiceSuffixesKey, Default.ServiceSuffixes),
            Patterns(options, ServicePatternsKey),
            Patterns(options, ServiceExclusionsKey),
            Patterns(options, ServiceAssembliesKey),
            List(options, ControllerSuffixesKey, Default.ControllerSuffixes),
            List(options, ConfigNamespacesKey, Default.ConfigNamespaces),
            options.TryGetValue(EnvironmentAllowListKey, out var allowed)
                ? SplitList(allowed).ToImmutableHashSet(StringComparer.Ordinal)
                : Default.EnvironmentAllowList,
            options.TryGetValue(IncludeTestProjectsKey, out var include) && TryParseBool(include, out var value) ? value : Default.IncludeTestProjects,
            new LayerLists(
                Patterns(options, DataAccessTypesKey),
                Patterns(options, FacadeTypesKey),
                List(options, HttpServerNamespacesKey, ImmutableArray<string>.Empty),
                Patterns(options, HttpServerTypesKey)));
    }

    /// <summary>The problem with <paramref name="value"/> for <paramref name="key"/>, or null when it is valid.</summary>
    public static string? Validate(string key, string value)
    {
        if (!KnownKeys.TryGetValue(key, out var expected))
        {
            return "unknown option; known options are " + string.Join(", ", KnownKeys.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        switch (key)
        {
            case IncludeTestProjectsKey:
                return TryParseBool(value, out _) ? null : "expected " + expected;
            case ServicePatternsKey:
            case ServiceExclusionsKey:
            case ServiceAssembliesKey:
            case DataAccessTypesKey:
            case FacadeTypesKey:
            case HttpServerTypesKey:
                return SplitList(value).All(NamePattern.IsValid) ? null : "expected " + expected;
            case HttpServerNamespacesKey:
                return SplitList(value).All(IsNamespaceName) ? null : "expected " + expected;
            default:
                return SplitList(value).All(IsIdentifierLike) ? null : "expected " + expected;
        }
    }

    public static IEnumerable<string> SplitList(string value) =>
        value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Trim())
            .Where(part => part.Length > 0);

    private static ImmutableArray<string> List(AnalyzerConfigOptions options, string key, ImmutableArray<string> fallback) =>
        options.TryGetValue(key, out var value) && Validate(key, value) is null
            ? SplitList(value).ToImmutableArray()
            : fallback;

    private static ImmutableArray<NamePattern> Patterns(AnalyzerConfigOptions options, string key) =>
        List(options, key, ImmutableArray<string>.Empty).Select(NamePattern.Parse).ToImmutableArray();

    private static bool TryParseBool(string value, out bool result) => bool.TryParse(value.Trim(), out result);

    private static bool IsIdentifierLike(string part) => part.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static bool IsNamespaceName(string part) => part.Split('.').All(segment => segment.Length > 0 && IsIdentifierLike(segment));

    /// <summary>The layer lists of issue 19 (MAR0006/MAR0007), grouped to keep the constructor short.</summary>
    private readonly struct LayerLists
    {
        public LayerLists(
            ImmutableArray<NamePattern> dataAccessTypes,
            ImmutableArray<NamePattern> facadeTypes,
            ImmutableArray<string> httpServerNamespaces,
            ImmutableArray<NamePattern> httpServerTypes)
        {
            DataAccessTypes = dataAccessTypes;
            FacadeTypes = facadeTypes;
            HttpServerNamespaces = httpServerNamespaces;
            HttpServerTypes = httpServerTypes;
        }

        public ImmutableArray<NamePattern> DataAccessTypes { get; }

        public ImmutableArray<NamePattern> FacadeTypes { get; }

        public ImmutableArray<string> HttpServerNamespaces { get; }

        public ImmutableArray<NamePattern> HttpServerTypes { get; }
    }
}
