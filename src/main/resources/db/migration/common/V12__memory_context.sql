-- The message a memory was taken from, searched with it (a contextual key): "Amazing, we saw the Alhambra!"
-- led to "Went to Granada"; a question about the Alhambra finds it. Deleted with the memory.
ALTER TABLE memories ADD COLUMN context TEXT;
