using Mariachi.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.DependencyInjection;

public sealed class DatabaseUrlTests
{
    [Theory]
    [InlineData("sqlite:app.db", "app.db")]
    [InlineData("sqlite:data/app.db", "data/app.db")]
    [InlineData("sqlite:/var/lib/app.db", "/var/lib/app.db")]
    [InlineData("sqlite:///var/lib/app.db", "/var/lib/app.db")]
    [InlineData("sqlite:my%20data.db", "my data.db")]
    [InlineData("file:///var/lib/app.db", "/var/lib/app.db")]
    public void A_sqlite_url_names_a_file(string url, string path)
    {
        var connection = MariachiDatabaseUrl.Parse(new Uri(url));

        Assert.Equal(MariachiDatabaseProvider.Sqlite, connection.Provider);
        Assert.Equal(path, new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
    }

    [Fact]
    public void A_postgres_url_becomes_an_npgsql_connection_string()
    {
        var connection = MariachiDatabaseUrl.Parse(new Uri("postgres://app%40x:p%3Ass%2Fw@db.internal:6543/orders?sslmode=verify-full&search_path=app&application_name=api"));

        Assert.Equal(MariachiDatabaseProvider.PostgreSql, connection.Provider);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("app@x", builder.Username);
        Assert.Equal("p:ss/w", builder.Password);
        Assert.Equal("orders", builder.Database);
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("app", builder.SearchPath);
        Assert.Equal("api", builder.ApplicationName);
    }

    [Fact]
    public void A_postgresql_url_without_port_or_credentials_uses_the_defaults()
    {
        var builder = new NpgsqlConnectionStringBuilder(MariachiDatabaseUrl.Parse(new Uri("postgresql://localhost/app")).ConnectionString);

        Assert.Equal("localhost", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Null(builder.Username);
        Assert.Equal("app", builder.Database);
    }

    [Theory]
    [InlineData("redis://localhost:6379")]
    [InlineData("sqlite:")]
    [InlineData("postgres://user:secret@host:5432/db?no_such_keyword=1")]
    public void A_bad_url_is_an_invalid_config_error_that_does_not_echo_it(string url)
    {
        var error = Assert.Throws<ConfigError>(() => MariachiDatabaseUrl.Parse(new Uri(url)));

        Assert.Equal(ErrorCodes.Config.Invalid, error.Code);
        Assert.Equal(ConfigKeys.DatabaseUrl, error.Metadata["key"]);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
