"""The one exception of the package."""


class PepitaError(Exception):
    """The pepita program refused or stopped a run.

    ``str(error)`` is its one-line message (for bad input it names the key, the problem and what
    is allowed); ``exit_code`` is its exit code: 2 bad input, 3 the run diverged, 1 a scan point
    failed or the build failed. ``stderr`` holds everything it wrote on standard error.
    ``table``: for an ODE that diverged (exit code 3), its samples up to the divergence, as a
    DataFrame; otherwise None.
    """

    def __init__(self, message, exit_code, stderr=""):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.stderr = stderr
        self.table = None
