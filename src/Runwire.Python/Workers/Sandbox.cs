using System.Diagnostics;

namespace Runwire.Python.Workers;

/// <summary>
/// How a worker process is started: inside bubblewrap (new user, network, PID, IPC and UTS namespaces; the system's
/// read-only directories, the worker's files and its socket directory; a private /tmp; no capabilities) or, where
/// bubblewrap is missing or off, directly with rlimits only. Either way the environment is cleared: component code
/// does not see the host's variables (broker credentials, connection strings).
/// </summary>
internal sealed class Sandbox
{
    // What Python, numpy's BLAS (Debian's alternatives) and time zones need from /etc; nothing else of it.
    private static readonly string[] EtcEntries =
        ["/etc/alternatives", "/etc/localtime", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/passwd", "/etc/group",
         "/etc/nsswitch.conf", "/etc/mime.types", "/etc/ssl", "/etc/python3", "/etc/python3.11", "/etc/matplotlibrc"];

    private Sandbox(string? bwrap, string description)
    {
        Bubblewrap = bwrap;
        Description = description;
    }

    /// <summary>The bubblewrap executable, or null when workers run without it.</summary>
    public string? Bubblewrap { get; }

    /// <summary>One line for the start-up log.</summary>
    public string Description { get; }

    public bool IsIsolated => Bubblewrap is not null;

    /// <summary>Finds and tries bubblewrap once; throws when <see cref="SandboxMode.Required"/> cannot be met.</summary>
    public static Sandbox Choose(SandboxMode mode)
    {
        if (mode == SandboxMode.Off)
        {
            return new Sandbox(null, "Python workers run without a sandbox (Runwire:Python:Sandbox=off); rlimits only");
        }
        var bwrap = FindOnPath("bwrap");
        var problem = bwrap is null ? "bubblewrap (bwrap) is not installed" : Probe(bwrap);
        if (problem is null)
        {
            return new Sandbox(bwrap, $"Python workers run in bubblewrap ({bwrap}): no network, own PID namespace, read-only system, private /tmp");
        }
        if (mode == SandboxMode.Required)
        {
            throw new InvalidOperationException(
                $"Runwire:Python:Sandbox=required, but {problem}. Install Debian's bubblewrap package or set Runwire:Python:Sandbox=auto.");
        }
        return new Sandbox(null, $"Python workers run WITHOUT a sandbox because {problem}: component code can reach the network and "
            + "the file system; only the memory limit applies. Install bubblewrap, or set Runwire:Python:Sandbox=required to refuse this.");
    }

    /// <summary>The command line that starts one worker.</summary>
    public ProcessStartInfo StartInfo(PythonOptions options, string socketDirectory)
    {
        var script = Path.Combine(options.WorkerDirectory, "runwire_worker.py");
        string[] python = [ResolveExecutable(options.Executable), "-s", "-B", "-u", script,
            "--socket", Path.Combine(socketDirectory, "worker.sock"), "--memory-mb", options.MemoryMb.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = "/tmp",
            ["LANG"] = "C.UTF-8",
            ["PYTHONIOENCODING"] = "utf-8",
            // The pool is the parallelism: one BLAS/OpenMP thread per worker.
            ["OPENBLAS_NUM_THREADS"] = "1",
            ["OMP_NUM_THREADS"] = "1",
            ["MKL_NUM_THREADS"] = "1",
            ["MPLCONFIGDIR"] = "/tmp",
        };
        foreach (var name in (string[])["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "TZ"])
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }
        var info = new ProcessStartInfo(Bubblewrap ?? python[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Bubblewrap is null ? socketDirectory : "/",
        };
        info.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        if (Bubblewrap is null)
        {
            foreach (var arg in python.Skip(1))
            {
                info.ArgumentList.Add(arg);
            }
            return info;
        }
        foreach (var arg in BubblewrapArguments(options, socketDirectory))
        {
            info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add("--");
        foreach (var arg in python)
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    private static List<string> BubblewrapArguments(PythonOptions options, string socketDirectory)
    {
        // No --new-session: the worker gives up the host's terminal itself (leave_terminal in runwire_worker.py), because
        // a session of its own is a scheduling group of its own under autogroup, which doubled a call's round trip.
        List<string> args =
        [
            "--die-with-parent", "--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534",
            "--cap-drop", "ALL", "--ro-bind", "/usr", "/usr",
        ];
        foreach (var top in (string[])["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"])
        {
            var info = new FileInfo(top);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, top]);
            }
            else if (Directory.Exists(top))
            {
                args.AddRange(["--ro-bind", top, top]);
            }
        }
        foreach (var entry in EtcEntries.Where(e => File.Exists(e) || Directory.Exists(e)))
        {
            args.AddRange(["--ro-bind", entry, entry]);
        }
        // A Python installed outside /usr (pyenv, a virtual environment) is bound read-only where it lives.
        var prefix = PythonPrefix(ResolveExecutable(options.Executable));
        if (prefix is not null && !prefix.StartsWith("/usr/", StringComparison.Ordinal))
        {
            args.AddRange(["--ro-bind", prefix, prefix]);
        }
        args.AddRange(["--proc", "/proc", "--dev", "/dev", "--size", "268435456", "--tmpfs", "/tmp",
            "--ro-bind", options.WorkerDirectory, options.WorkerDirectory, "--bind", socketDirectory, socketDirectory, "--chdir", "/tmp"]);
        return args;
    }

    private static string? PythonPrefix(string executable)
    {
        var real = new FileInfo(executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? executable;
        var bin = Path.GetDirectoryName(real);
        return bin is null ? null : Path.GetDirectoryName(bin);
    }

    internal static string ResolveExecutable(string executable) =>
        Path.IsPathRooted(executable) ? executable : FindOnPath(executable) ?? executable;

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <c>/bin/true</c> in the same kind of sandbox: user namespaces may be off on this kernel.</summary>
    private static string? Probe(string bwrap)
    {
        try
        {
            var info = new ProcessStartInfo(bwrap) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in (string[])["--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534", "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--", "/usr/bin/true"])
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 ? null : $"bubblewrap does not work here ({error.Trim()})";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"bubblewrap could not be started ({e.Message})";
        }
    }
}
