using System.Globalization;
using ResellerKit.Bench.Load.Checkout;
using ResellerKit.Bench.Load.Dashboard;
using ResellerKit.Bench.Load.Isolation;
using ResellerKit.Bench.Load.Page;
using ResellerKit.Bench.Load.Usage;

// The bench drivers of ./bench.sh (each prints its figure's line last):
//   usage <Storefront.dll> <warm-up s> <seconds>      figure P1 (usage debits over HTTP against a raw SQLite loop)
//   usage-batch <Storefront.dll> <warm-up s> <seconds>  figure P1b (the batch usage route against raw SQLite batches)
//   usage-pg <Storefront.dll> <warm-up s> <seconds> <connection string>  figure P1pg (P1 on PostgreSQL against raw Npgsql)
//   page <Storefront.dll> <warm-up s> <seconds>       figure P2 (the storefront page against Kestrel serving its bytes, wrk)
//   isolation <Storefront.dll> <seconds>              figure P2c (a neighbour's storefront while one agency's theme is hostile)
//   checkout <Storefront.dll> <warm-up sessions> <sessions>  figure P4 (sandbox checkout webhooks processed per second)
//   dashboard <runs>                                  figure P5 (the agency dashboard over 1M ledger transactions)
var seconds = (int i) => TimeSpan.FromSeconds(double.Parse(args[i], CultureInfo.InvariantCulture));
return args switch
{
    ["usage", var dll, _, _] => await UsageFigure.RunAsync(Path.GetFullPath(dll), seconds(2), seconds(3)),
    ["usage-batch", var dll, _, _] => await BatchFigure.RunAsync(Path.GetFullPath(dll), seconds(2), seconds(3)),
    ["usage-pg", var dll, _, _, var postgres] => await PostgresUsageFigure.RunAsync(Path.GetFullPath(dll), seconds(2), seconds(3), postgres),
    ["page", var dll, _, _] => await PageFigure.RunAsync(Path.GetFullPath(dll), seconds(2), seconds(3)),
    ["isolation", var dll, _] => await IsolationFigure.RunAsync(Path.GetFullPath(dll), seconds(2)),
    ["checkout", var dll, var warmUp, var sessions] => await CheckoutFigure.RunAsync(Path.GetFullPath(dll),
        int.Parse(warmUp, CultureInfo.InvariantCulture), int.Parse(sessions, CultureInfo.InvariantCulture)),
    ["dashboard", var runs] => await DashboardFigure.RunAsync(int.Parse(runs, CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Load (usage|usage-batch|page) <ResellerKit.Storefront.dll> <warm-up s> <seconds> | Load usage-pg <dll> <warm-up s> <seconds> <postgres> | Load checkout <ResellerKit.Storefront.dll> <warm-up sessions> <sessions> | Load dashboard <runs>");
    return 2;
}
