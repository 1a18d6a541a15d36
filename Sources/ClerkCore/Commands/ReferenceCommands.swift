/// Item references (`ItemReferenceScheme`): given when the agenda is published, to every
/// top-level item in agenda order; an item added after that gets the next one when it is
/// added. A reference once given never changes, and the committee's counter only goes up,
/// so the reference of an item later removed is never given to another. Sub-items are
/// known by their parent's reference and a letter ("GB/2425/017a").
extension MeetingContext {
    /// The records giving `items` (those top-level ones without a reference yet) the next
    /// references of the committee's running counter; none when the committee numbers its
    /// items.
    func referenceEvents(for items: [AgendaItem]) -> [Event] {
        guard let scheme = committee.terms.references, scheme.problem == nil else { return [] }
        let year = scheme.year(of: meeting.date)
        var n = committee.referenceCounters?[String(year)] ?? 0
        var given: [ItemReference] = []
        for item in items where item.parentID == nil && record.references[item.id] == nil {
            n += 1
            guard let reference = scheme.reference(year: year, n: n) else { return [] }
            given.append(ItemReference(itemID: item.id, reference: reference))
        }
        guard !given.isEmpty else { return [] }
        return [.referencesCounted(ReferencesCounted(committeeID: committee.id, year: year, last: n)),
                .referencesAssigned(ReferencesAssigned(meetingID: meeting.id, references: given))]
    }

    /// Whether this meeting's items have references yet: from the publication of its agenda.
    var givesReferences: Bool {
        committee.terms.references != nil && meeting.status != .planned && meeting.status != .cancelled
    }
}

extension ArchiveState {
    /// Checks a committee's conventions before they become its terms: standing items,
    /// default venue, reference scheme. Throws the first problem, in one line.
    func checkConventions(_ terms: TermsOfReference, was old: TermsOfReference) throws {
        if terms.standingItems != old.standingItems, let problem = StandingItemRules.problem(terms.standingItems) {
            throw CommandError(.invalid, problem)
        }
        if terms.defaultVenue != old.defaultVenue, let venue = terms.defaultVenue, try Venue.parse(venue) != venue {
            throw CommandError(.invalid, "the default venue \"\(venue)\" is not as it would be stored; give \"\(try Venue.parse(venue))\"")
        }
        if let scheme = terms.references, let problem = scheme.problem { throw CommandError(.invalid, problem) }
    }
}
