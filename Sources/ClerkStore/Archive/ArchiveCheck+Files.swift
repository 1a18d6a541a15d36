extension ArchiveCheck {
    /// The files themselves, not their records: a symbolic link inside the archive is a
    /// problem (clerk refuses to follow it); folders and files every account on the host
    /// may read are a warning each, naming the fix.
    mutating func checkFiles(_ directory: String) {
        for link in ArchiveLayout.links(in: directory) {
            problems.append(FileIO.linkRefusal(link))
        }
        warnings += ArchiveLayout.openToOthers(directory)
    }
}
