using Mariachi;
using Mariachi.Data;
using Violations.Services;

namespace Violations.Controllers;

// MAR0006: the controller reads the repository itself instead of calling a procedure.
public sealed class ArchiveController(IRepository<ArchivedOrder> archive)
{
    public Task<ArchivedOrder?> Find(Context ctx, Guid id) => archive.FindByIdAsync(ctx, id);
}
