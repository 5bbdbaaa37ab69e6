namespace Mariachi.Abstractions.Tests;

public sealed class IdentityTypesTests
{
    [Fact]
    public void Identity_types_have_their_wire_values()
    {
        Assert.Equal("anonymous", IdentityTypes.Anonymous);
        Assert.Equal("user", IdentityTypes.User);
        Assert.Equal("api-key", IdentityTypes.ApiKey);
        Assert.Equal("system", IdentityTypes.System);
    }

    [Fact]
    public void Each_context_origin_has_its_identity_type()
    {
        Assert.Equal(IdentityTypes.Anonymous, Context.Create().IdentityType);
        Assert.Equal(IdentityTypes.User, Context.Create(userId: "u").IdentityType);
        Assert.Equal(IdentityTypes.ApiKey, Context.Create().WithApiKey("k").IdentityType);
        Assert.Equal(IdentityTypes.System, Context.System("why").IdentityType);
        Assert.Equal(IdentityTypes.Anonymous, Context.Detached("why").IdentityType);
    }
}
