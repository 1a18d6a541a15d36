import ClerkCore
import ClerkStore

extension ArchiveStore {
    /// Writes from now on as `account` (the operating-system account running clerk, read
    /// with `SystemAccount.current()`) and the person the archive links it to, if any.
    func sign(as account: String) {
        author = Author(account: account, person: state.access.person(account: account))
    }
}
