// ConferenceModel
