namespace Mariachi;

/// <summary>
/// The error codes the framework itself raises. Every one has an explicit entry (exact or by prefix) in
/// <see cref="ErrorStatusTable.Default"/>, so none falls through to 500 by accident.
/// </summary>
public static class ErrorCodes
{
    /// <summary>A resource does not exist or is not visible to the caller (404).</summary>
    public const string NotFound = "not-found";

    /// <summary>An unexpected failure (500).</summary>
    public const string Internal = "internal";

    public static class Config
    {
        public const string Missing = "config/missing";
        public const string Invalid = "config/invalid";
    }

    public static class Database
    {
        public const string Failure = "database/failure";
        public const string Unavailable = "database/unavailable";
        public const string UntranslatableQuery = "database/untranslatable-query";
    }

    public static class Cache
    {
        public const string Failure = "cache/failure";
        public const string LockTimeout = "cache/lock-timeout";
    }

    public static class Auth
    {
        public const string Unauthenticated = "auth/unauthenticated";
        public const string InvalidToken = "auth/invalid-token";
        public const string Forbidden = "auth/forbidden";
    }

    public static class Communication
    {
        public const string NotFound = "communication/not-found";
        public const string Unauthorized = "communication/unauthorized";
        public const string Timeout = "communication/timeout";
        public const string Unavailable = "communication/unavailable";
        public const string DuplicateProcedure = "communication/duplicate-procedure";
        public const string InvalidName = "communication/invalid-name";
        public const string TypeMismatch = "communication/type-mismatch";
        public const string Serialization = "communication/serialization";
    }

    public static class Events
    {
        public const string InvalidName = "events/invalid-name";
        public const string TypeMismatch = "events/type-mismatch";
        public const string HandlerFailed = "events/handler-failed";
        public const string Unavailable = "events/unavailable";
    }

    public static class Jobs
    {
        public const string NotFound = "jobs/not-found";
        public const string Failed = "jobs/failed";
    }

    public static class RateLimit
    {
        public const string Exceeded = "rate-limit/exceeded";
    }

    public static class Tenancy
    {
        public const string MissingTenant = "tenancy/missing-tenant";
        public const string AccessDenied = "tenancy/access-denied";
    }

    public static class Validation
    {
        public const string InvalidInput = "validation/invalid-input";

        /// <summary>The request body is empty, not JSON, or JSON of the wrong kind: there is no input to validate (400).</summary>
        public const string MalformedBody = "validation/malformed-body";
    }

    /// <summary>
    /// Requests the HTTP layer refuses before an endpoint runs (a method the route does not serve, a content type no
    /// formatter reads...). The ASP.NET Core facade gives these codes to the framework's own problems.
    /// </summary>
    public static class Http
    {
        public const string MethodNotAllowed = "http/method-not-allowed";
        public const string NotAcceptable = "http/not-acceptable";
        public const string PayloadTooLarge = "http/payload-too-large";
        public const string UnsupportedMediaType = "http/unsupported-media-type";

        /// <summary>Any other client error status the framework sets (the problem keeps that status).</summary>
        public const string ClientError = "http/client-error";
    }

    public static class Conflict
    {
        public const string Concurrency = "conflict/concurrency";
        public const string Unique = "conflict/unique";
    }

    public static class Result
    {
        public const string UnwrapFailed = "result/unwrap-failed";
    }
}
