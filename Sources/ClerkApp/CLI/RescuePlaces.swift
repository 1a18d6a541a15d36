import Foundation

/// Where the screen keeps unsaved minutes when the archive's own `rescue` folder cannot
/// take them (its disk is full): `$XDG_STATE_HOME/clerk/rescue`, else
/// `~/.local/state/clerk/rescue`, and last `/tmp`. Read here, at the edge, like every other
/// setting from the environment.
enum RescuePlaces {
    static func elsewhere(environment: [String: String] = ProcessEnvironment.current) -> [String] {
        var places: [String] = []
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { places.append(state + "/clerk/rescue") }
        if let home = environment["HOME"], home.hasPrefix("/") { places.append(home + "/.local/state/clerk/rescue") }
        places.append("/tmp")
        return places
    }
}
