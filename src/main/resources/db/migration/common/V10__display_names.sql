-- What Mnemo calls a person in its prompts (/name); NULL: their user id.
ALTER TABLE user_settings ADD COLUMN display_name VARCHAR(240);
