-- One vector per memory and embedding model; the model and dimension are kept with it.
CREATE TABLE memory_vectors (
    memory_id VARCHAR(36) NOT NULL,
    model     VARCHAR(64) NOT NULL,
    dim       INT         NOT NULL,
    vector    BYTEA       NOT NULL,               -- little-endian float32, unit length
    PRIMARY KEY (memory_id, model)
);
