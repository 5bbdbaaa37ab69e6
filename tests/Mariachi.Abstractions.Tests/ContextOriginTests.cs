namespace Mariachi.Abstractions.Tests;

public sealed class ContextOriginTests
{
    [Fact]
    public void Each_factory_sets_its_origin()
    {
        Assert.Equal(ContextOrigin.Request, Context.Create().Origin);
        Assert.Equal(ContextOrigin.System, Context.System("why").Origin);
        Assert.Equal(ContextOrigin.Detached, Context.Detached("why").Origin);
    }

    [Fact]
    public void Only_system_origin_is_system()
    {
        Assert.Equal([ContextOrigin.Request, ContextOrigin.System, ContextOrigin.Detached], Enum.GetValues<ContextOrigin>());
        Assert.False(Context.Create().IsSystem);
        Assert.True(Context.System("why").IsSystem);
        Assert.False(Context.Detached("why").IsSystem);
    }
}
